using SmbAgent.Conversations.LeadCapture;
using SmbAgent.Leads;

namespace SmbAgent.Application.Tests.Conversations.LeadCapture;

public sealed class OddInputTests
{
    public static TheoryData<LeadQuestionFormat, string> OddAnswers()
    {
        var data = new TheoryData<LeadQuestionFormat, string>();
        string[] answers = ["٢٤/١٢/٢٠٢٦", "٣", "２４/１２/２０２６", "😀", "\0", "-", "@", "...", "+", "1/0/0", "99/99", "9999999999999999999999999999999", "1e10", "ǅ@ǅ.ǅǅ"];
        foreach (var format in Enum.GetValues<LeadQuestionFormat>())
        {
            foreach (var answer in answers)
            {
                data.Add(format, answer);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OddAnswers))]
    public void Any_answer_gets_a_result_and_never_an_exception(LeadQuestionFormat format, string answer)
    {
        var validator = new LeadAnswerValidator(TimeProvider.System);
        var question = LeadAnswers.Question(format, true, "Buy", "Sell");

        var result = validator.Validate(question, answer, new LeadAnswerContext("de", "DE", "Europe/Berlin"));

        result.ShouldNotBeOfType<LeadAnswerResult.Skipped>();
        if (result is LeadAnswerResult.Invalid invalid)
        {
            invalid.Hint.ShouldNotBeNullOrWhiteSpace();
        }
    }

    [Fact]
    public void Full_width_digits_are_read_as_digits()
    {
        LeadAnswers.Validate(LeadQuestionFormat.Date, "２４ Dezember 2026", "de", "DE").ShouldBeAccepted().Value.ShouldBe("2026-12-24");
    }
}
