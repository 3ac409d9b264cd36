using SmbAgent.Conversations.LeadCapture;
using SmbAgent.Leads;

namespace SmbAgent.Application.Tests.Conversations.LeadCapture;

public sealed class PhoneAnswerTests
{
    [Theory]
    // United States
    [InlineData("US", "(201) 555-0123", "+12015550123")]
    [InlineData("US", "201-555-0123", "+12015550123")]
    [InlineData("US", "201.555.0123", "+12015550123")]
    [InlineData("US", "+1 201 555 0123", "+12015550123")]
    [InlineData("US", "1 (312) 733-4500", "+13127334500")]
    [InlineData("US", "sure, it's (312) 733-4500 — after 5pm is best", "+13127334500")]
    // United Kingdom
    [InlineData("GB", "020 7946 0958", "+442079460958")]
    [InlineData("GB", "07400 123456", "+447400123456")]
    [InlineData("GB", "+44 (0)20 7946 0958", "+442079460958")]
    [InlineData("GB", "my mobile is 07911 123456, ta", "+447911123456")]
    // Germany
    [InlineData("DE", "030 12345678", "+493012345678")]
    [InlineData("DE", "0151 23456789", "+4915123456789")]
    [InlineData("DE", "+49 (0) 89 1234567", "+49891234567")]
    [InlineData("DE", "0049 30 12345678", "+493012345678")]
    [InlineData("DE", "Meine Nummer ist 0171-2345678.", "+491712345678")]
    // Spain
    [InlineData("ES", "912 345 678", "+34912345678")]
    [InlineData("ES", "612 34 56 78", "+34612345678")]
    [InlineData("ES", "+34 612-345-678", "+34612345678")]
    [InlineData("ES", "mi móvil es el 612345678", "+34612345678")]
    // France
    [InlineData("FR", "01 23 45 67 89", "+33123456789")]
    [InlineData("FR", "06.12.34.56.78", "+33612345678")]
    [InlineData("FR", "+33 6 12 34 56 78", "+33612345678")]
    [InlineData("FR", "c'est le 06 12 34 56 78 merci", "+33612345678")]
    // A foreign number with its country code, whatever the business's country
    [InlineData("US", "+44 20 7946 0958", "+442079460958")]
    [InlineData("DE", "+1 (201) 555-0123", "+12015550123")]
    [InlineData("", "+49 30 12345678", "+493012345678")]
    [InlineData("XX", "it's +33 6 12 34 56 78", "+33612345678")]
    public void A_number_is_read_in_the_business_country_and_stored_in_E164(string country, string answer, string expected)
    {
        LeadAnswers.Validate(LeadQuestionFormat.Phone, answer, country: country).ShouldBeAccepted().Value.ShouldBe(expected);
    }

    [Theory]
    [InlineData("US", "12345")]
    [InlineData("US", "555-0123")]
    [InlineData("US", "(201) 555-012")]
    [InlineData("US", "+1 000 000 0000")]
    [InlineData("GB", "020 7946")]
    // The right length but a range Ofcom keeps for drama: possible, not valid — what IsValidNumber buys over IsPossibleNumber.
    [InlineData("GB", "07700 900123")]
    [InlineData("DE", "0151 123")]
    [InlineData("ES", "12 34 56")]
    [InlineData("FR", "06 12 34 56")]
    [InlineData("FR", "06 12 34 56 78 90 12")]
    [InlineData("US", "call me maybe")]
    [InlineData("US", "my number? 42")]
    [InlineData("", "030 12345678")]
    public void Anything_else_is_re_asked(string country, string answer)
    {
        LeadAnswers.Validate(LeadQuestionFormat.Phone, answer, country: country).ShouldBeInvalid(LeadAnswerProblem.NotAPhoneNumber);
    }

    [Theory]
    [InlineData("US", "2015550123", "(201) 555-0123")]
    [InlineData("US", "+44 20 7946 0958", "+44 20 7946 0958")]
    [InlineData("FR", "0612345678", "06 12 34 56 78")]
    public void It_is_shown_back_nationally_at_home_and_internationally_abroad(string country, string answer, string display)
    {
        LeadAnswers.Validate(LeadQuestionFormat.Phone, answer, country: country).ShouldBeAccepted().Display.ShouldBe(display);
    }

    [Theory]
    [InlineData("en", "US", "That doesn't look like a complete phone number — could you check it? For example: (201) 555-0123")]
    [InlineData("fr", "FR", "Cela ne ressemble pas à un numéro de téléphone complet. Pourriez-vous le vérifier ? Par exemple : 01 23 45 67 89")]
    public void The_re_ask_shows_an_example_from_the_business_country(string language, string country, string hint)
    {
        LeadAnswers.Validate(LeadQuestionFormat.Phone, "123", language, country).ShouldBeInvalid(LeadAnswerProblem.NotAPhoneNumber)
            .Hint.ShouldBe(hint);
    }
}
