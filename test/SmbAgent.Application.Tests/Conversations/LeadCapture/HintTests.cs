using Microsoft.Extensions.Time.Testing;
using SmbAgent.Conversations.LeadCapture;
using SmbAgent.Leads;

namespace SmbAgent.Application.Tests.Conversations.LeadCapture;

public sealed class HintTests
{
    [Theory]
    [InlineData("en", "That doesn't look like an email address — could you check it? For example: name@example.com")]
    [InlineData("es", "Eso no parece una dirección de correo electrónico. ¿Podrías revisarla? Por ejemplo: nombre@example.com")]
    [InlineData("fr", "Cela ne ressemble pas à une adresse e-mail. Pourriez-vous la vérifier ? Par exemple : nom@example.com")]
    [InlineData("de", "Das sieht nicht nach einer E-Mail-Adresse aus. Könnten Sie sie prüfen? Zum Beispiel: name@example.com")]
    [InlineData("it", "Non sembra un indirizzo email. Potresti controllarlo? Per esempio: nome@example.com")]
    [InlineData("pt", "Isso não parece um endereço de e-mail. Poderia verificar? Por exemplo: nome@example.com")]
    [InlineData("pt-BR", "Isso não parece um endereço de e-mail. Poderia verificar? Por exemplo: nome@example.com")]
    [InlineData("nl", "That doesn't look like an email address — could you check it? For example: name@example.com")]
    public void The_re_ask_is_in_the_conversation_language_and_english_otherwise(string language, string hint)
    {
        LeadAnswers.Validate(LeadQuestionFormat.Email, "bob at home", language).ShouldBeInvalid(LeadAnswerProblem.NotAnEmail).Hint.ShouldBe(hint);
    }

    public static TheoryData<string, LeadQuestionFormat, string> EveryHint()
    {
        var data = new TheoryData<string, LeadQuestionFormat, string>();
        foreach (var language in new[] { "en", "es", "fr", "de", "it", "pt" })
        {
            data.Add(language, LeadQuestionFormat.Email, "nope@");
            data.Add(language, LeadQuestionFormat.Phone, "12");
            data.Add(language, LeadQuestionFormat.Date, "someday");
            data.Add(language, LeadQuestionFormat.Number, "many");
            data.Add(language, LeadQuestionFormat.Choice, "maybe");
            data.Add(language, LeadQuestionFormat.Text, "");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryHint))]
    public void Every_hint_exists_in_every_language_and_differs_from_english(string language, LeadQuestionFormat format, string answer)
    {
        var validator = new LeadAnswerValidator(new FakeTimeProvider(LeadAnswers.Monday));
        var question = LeadAnswers.Question(format, true, "Buy", "Sell");

        var hint = validator.Validate(question, answer, new LeadAnswerContext(language, "US", "UTC")).ShouldBeOfType<LeadAnswerResult.Invalid>().Hint;
        var english = validator.Validate(question, answer, new LeadAnswerContext("en", "US", "UTC")).ShouldBeOfType<LeadAnswerResult.Invalid>().Hint;

        hint.Length.ShouldBeLessThan(200);
        if (language != "en")
        {
            hint.ShouldNotBe(english);
        }
    }
}
