using SmbAgent.Conversations.LeadCapture;
using SmbAgent.Leads;

namespace SmbAgent.Application.Tests.Conversations.LeadCapture;

public sealed class TextAndSkipTests
{
    public static TheoryData<string, string> SkipPhrases => new()
    {
        { "en", "skip" }, { "en", "Skip, please." }, { "en", "no thanks" }, { "en", "I'd rather not" }, { "en", "I’d rather not say" },
        { "en", "n/a" }, { "en", "N.A." }, { "en", "pass" }, { "en", "No, skip it" }, { "en", "prefer not to say" }, { "en", "none" },
        { "es", "saltar" }, { "es", "prefiero no" }, { "es", "No, gracias" }, { "es", "paso" }, { "es", "prefiero no decirlo" },
        { "fr", "passer" }, { "fr", "je préfère ne pas" }, { "fr", "Non merci" }, { "fr", "je passe" }, { "fr", "sans objet" },
        { "de", "überspringen" }, { "de", "lieber nicht" }, { "de", "Nein, danke" }, { "de", "keine Angabe" }, { "de", "k.A." },
        { "it", "salta" }, { "it", "preferisco di no" }, { "it", "no grazie" }, { "it", "preferisco non dirlo" }, { "it", "passo" },
        { "pt", "pular" }, { "pt", "prefiro não" }, { "pt", "não, obrigado" }, { "pt", "prefiro nao dizer" }, { "pt", "próxima" },
    };

    [Theory]
    [MemberData(nameof(SkipPhrases))]
    public void An_optional_question_is_skipped_in_every_language(string language, string answer)
    {
        LeadAnswers.Validate(LeadQuestionFormat.Email, answer, language).ShouldBeOfType<LeadAnswerResult.Skipped>();
        LeadAnswers.Validate(LeadQuestionFormat.Phone, answer, language).ShouldBeOfType<LeadAnswerResult.Skipped>();
        LeadAnswers.Validate(LeadQuestionFormat.Text, answer, language).ShouldBeOfType<LeadAnswerResult.Skipped>();
    }

    [Theory]
    [InlineData("en", "skip", "can't be skipped")]
    [InlineData("es", "prefiero no", "no se puede omitir")]
    [InlineData("fr", "je passe", "on ne peut donc pas la passer")]
    [InlineData("de", "lieber nicht", "nicht übersprungen werden")]
    [InlineData("it", "salta", "non si può saltare")]
    [InlineData("pt", "pular", "não dá para pular")]
    [InlineData("de", "", "nicht übersprungen werden")]
    [InlineData("fr", "   ", "on ne peut donc pas la passer")]
    public void A_required_question_cannot_be_skipped_and_says_so_in_the_conversation_language(string language, string answer, string hintPart)
    {
        LeadAnswers.Validate(LeadQuestionFormat.Phone, answer, language, required: true).ShouldBeInvalid(LeadAnswerProblem.Required)
            .Hint.ShouldContain(hintPart);
        LeadAnswers.Validate(LeadQuestionFormat.Text, answer, language, required: true).ShouldBeInvalid(LeadAnswerProblem.Required);
    }

    [Theory]
    [InlineData("no")]
    [InlineData("None")]
    [InlineData("nein")]
    [InlineData("I don't know")]
    public void A_plain_no_answers_a_required_text_question(string answer)
    {
        LeadAnswers.Validate(LeadQuestionFormat.Text, answer, required: true).ShouldBeAccepted().Value.ShouldBe(answer);
        LeadAnswers.Validate(LeadQuestionFormat.Email, answer, required: true).ShouldBeInvalid(LeadAnswerProblem.Required);
    }

    [Theory]
    [InlineData("No skipping the basement, it's flooding")]
    [InlineData("Pass the message to Joe")]
    [InlineData("ok")]
    public void A_sentence_that_only_contains_a_skip_word_is_an_answer(string answer)
    {
        LeadAnswers.Validate(LeadQuestionFormat.Text, answer).ShouldBeAccepted().Value.ShouldBe(answer);
    }

    [Fact]
    public void An_empty_optional_answer_is_a_skip()
    {
        LeadAnswers.Validate(LeadQuestionFormat.Date, "  ").ShouldBeOfType<LeadAnswerResult.Skipped>();
        LeadAnswers.Validate(LeadQuestionFormat.Text, null).ShouldBeOfType<LeadAnswerResult.Skipped>();
    }

    [Fact]
    public void Text_is_trimmed_and_kept_as_written()
    {
        var accepted = LeadAnswers.Validate(LeadQuestionFormat.Text, "  Water under the <b>sink</b>, since Tuesday  ").ShouldBeAccepted();

        accepted.Value.ShouldBe("Water under the <b>sink</b>, since Tuesday");
        accepted.Display.ShouldBe(accepted.Value);
    }

    [Fact]
    public void Control_characters_and_direction_overrides_are_removed_but_line_breaks_kept()
    {
        LeadAnswers.Validate(LeadQuestionFormat.Text, "Jane\0 Doe\u202E\u0007\r\nsecond line\tend").ShouldBeAccepted()
            .Value.ShouldBe("Jane Doe\nsecond line\tend");
        LeadAnswers.Validate(LeadQuestionFormat.Text, "\0\u202E", required: true).ShouldBeInvalid(LeadAnswerProblem.Required);
    }

    [Fact]
    public void Text_longer_than_the_limit_is_re_asked_with_the_limit()
    {
        LeadAnswers.Validate(LeadQuestionFormat.Text, new string('x', LeadAnswerValidator.MaxAnswerLength)).ShouldBeAccepted();

        LeadAnswers.Validate(LeadQuestionFormat.Text, new string('x', LeadAnswerValidator.MaxAnswerLength + 1), "de")
            .ShouldBeInvalid(LeadAnswerProblem.TooLong).Hint.ShouldBe("Das ist etwas lang. Könnten Sie es auf weniger als 1000 Zeichen kürzen?");
    }

    [Fact]
    public void A_question_snapshot_validates_like_the_entity()
    {
        var validator = new LeadAnswerValidator(TimeProvider.System);
        var context = new LeadAnswerContext("en", "US", "America/Chicago");

        validator.Validate(LeadQuestionFormat.Choice, ["Buy", "Sell"], true, "2", context).ShouldBeAccepted().Value.ShouldBe("Sell");
        validator.Validate(LeadQuestionFormat.Phone, [], false, "skip", context).ShouldBeOfType<LeadAnswerResult.Skipped>();
    }
}
