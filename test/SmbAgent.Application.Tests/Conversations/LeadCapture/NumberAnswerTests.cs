using SmbAgent.Conversations.LeadCapture;
using SmbAgent.Leads;

namespace SmbAgent.Application.Tests.Conversations.LeadCapture;

public sealed class NumberAnswerTests
{
    [Theory]
    [InlineData("en", "US", "3", "3")]
    [InlineData("en", "US", "about 3 rooms", "3")]
    [InlineData("en", "US", "1.5", "1.5")]
    [InlineData("en", "US", "1,500", "1500")]
    [InlineData("en", "US", "1,500,000", "1500000")]
    [InlineData("en", "US", "$1,250.50", "1250.5")]
    [InlineData("en", "US", "-2", "-2")]
    [InlineData("en", "US", "three", "3")]
    [InlineData("en", "US", "Ten, I think", "10")]
    [InlineData("en", "US", "3 or 3", "3")]
    [InlineData("de", "DE", "1,5", "1.5")]
    [InlineData("de", "DE", "1.500", "1500")]
    [InlineData("de", "DE", "1,500", "1.5")]
    [InlineData("en", "US", "1.500", "1.5")]
    [InlineData("de", "DE", "2.500,50 €", "2500.5")]
    [InlineData("de", "DE", "1.5", "1.5")]
    [InlineData("de", "DE", "drei Zimmer", "3")]
    [InlineData("de", "DE", "ein Haus mit drei Zimmern", "3")]
    [InlineData("de", "DE", "eins", "1")]
    [InlineData("fr", "FR", "1,5", "1.5")]
    [InlineData("fr", "FR", "2 500", "2500")]
    [InlineData("fr", "FR", "2\u202F500 €", "2500")]
    [InlineData("fr", "FR", "environ 3 pièces", "3")]
    [InlineData("fr", "FR", "deux", "2")]
    [InlineData("fr", "FR", "une", "1")]
    [InlineData("es", "ES", "1,5", "1.5")]
    [InlineData("es", "ES", "tres habitaciones", "3")]
    [InlineData("es", "ES", "unos 4", "4")]
    [InlineData("es", "MX", "1.5", "1.5")]
    [InlineData("it", "IT", "1,5", "1.5")]
    [InlineData("it", "IT", "due", "2")]
    [InlineData("it", "IT", "circa 7 persone", "7")]
    [InlineData("pt", "BR", "1,5", "1.5")]
    [InlineData("pt", "BR", "duas", "2")]
    [InlineData("pt", "BR", "dez", "10")]
    [InlineData("de", "CH", "1'250", "1250")]
    public void A_number_is_read_with_the_culture_separators_and_stored_invariant(string language, string country, string answer, string expected)
    {
        LeadAnswers.Validate(LeadQuestionFormat.Number, answer, language, country).ShouldBeAccepted().Value.ShouldBe(expected);
    }

    [Theory]
    [InlineData("en", "US", "a few")]
    [InlineData("en", "US", "2 or 3")]
    [InlineData("en", "US", "3 rooms, 2 baths")]
    [InlineData("en", "US", "2-3")]
    [InlineData("en", "US", "1.2.3")]
    [InlineData("en", "US", "12.03.2026")]
    [InlineData("de", "DE", "ein paar")]
    [InlineData("fr", "FR", "une dizaine")]
    [InlineData("de", "DE", "zwei oder drei")]
    public void No_number_or_several_is_re_asked(string language, string country, string answer)
    {
        LeadAnswers.Validate(LeadQuestionFormat.Number, answer, language, country).ShouldBeInvalid(LeadAnswerProblem.NotANumber);
    }

    [Theory]
    [InlineData("en", "US", "1.5")]
    [InlineData("de", "DE", "1,5")]
    [InlineData("fr", "FR", "1,5")]
    public void It_is_shown_back_with_the_culture_decimal_separator(string language, string country, string display)
    {
        LeadAnswers.Validate(LeadQuestionFormat.Number, "1.5", language, country).ShouldBeAccepted().Display.ShouldBe(display);
    }
}
