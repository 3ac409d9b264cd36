using Microsoft.Extensions.Time.Testing;
using SmbAgent.Conversations.LeadCapture;
using SmbAgent.Leads;

namespace SmbAgent.Application.Tests.Conversations.LeadCapture;

/// <summary>Builds questions and runs the validator at a fixed moment: Monday 23 November 2026, 15:00 UTC.</summary>
internal static class LeadAnswers
{
    public static readonly DateTimeOffset Monday = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    public static LeadQuestion Question(LeadQuestionFormat format, bool required = false, params string[] options) =>
        new(Guid.Empty, Guid.Empty, "Question?", format, 0) { IsRequired = required, Options = [.. options] };

    public static LeadAnswerResult Validate(
        LeadQuestionFormat format,
        string? answer,
        string language = "en",
        string country = "US",
        bool required = false,
        string timeZone = "America/New_York",
        DateTimeOffset? now = null) =>
        new LeadAnswerValidator(new FakeTimeProvider(now ?? Monday))
            .Validate(Question(format, required), answer, new LeadAnswerContext(language, country, timeZone));

    public static LeadAnswerResult Choose(string answer, bool required, params string[] options) =>
        new LeadAnswerValidator(new FakeTimeProvider(Monday))
            .Validate(Question(LeadQuestionFormat.Choice, required, options), answer, new LeadAnswerContext("en", "US", "America/New_York"));

    public static LeadAnswerResult.Accepted ShouldBeAccepted(this LeadAnswerResult result) => result.ShouldBeOfType<LeadAnswerResult.Accepted>();

    public static LeadAnswerResult.Invalid ShouldBeInvalid(this LeadAnswerResult result, LeadAnswerProblem problem)
    {
        var invalid = result.ShouldBeOfType<LeadAnswerResult.Invalid>();
        invalid.Problem.ShouldBe(problem);
        invalid.Hint.ShouldNotBeNullOrWhiteSpace();
        return invalid;
    }
}
