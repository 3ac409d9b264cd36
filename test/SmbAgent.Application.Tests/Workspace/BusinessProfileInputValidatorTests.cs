using SmbAgent.Workspace;

namespace SmbAgent.Application.Tests.Workspace;

public sealed class BusinessProfileInputValidatorTests
{
    private static BusinessProfileInput Valid() => new()
    {
        Name = "Acme Plumbing",
        TimeZone = "America/Chicago",
        Country = "US",
        Hours = [.. BusinessHours.DefaultWeek().Select(h => new BusinessHoursInput { Day = h.Day, IsOpen = h.IsOpen, Opens = h.Opens, Closes = h.Closes })],
    };

    [Fact]
    public void A_valid_profile_passes()
    {
        new BusinessProfileInputValidator().Validate(Valid()).Errors.ShouldBeEmpty();
    }

    [Fact]
    public void An_invalid_contact_phone_is_reported_on_the_contacts_value()
    {
        var input = Valid();
        input.Contacts.Add(new ContactInput { Kind = ContactKind.Phone, Value = "12345" });

        var errors = new BusinessProfileInputValidator().Validate(input).Errors;

        errors.Select(e => (e.PropertyName, e.ErrorMessage)).ShouldBe([("Contacts[0].Value", "Enter a valid phone number.")]);
    }

    [Theory]
    [InlineData("(201) 555-0123", "US", "+12015550123")]
    [InlineData("020 7946 0018", "GB", "+442079460018")]
    [InlineData("+44 20 7946 0018", "US", "+442079460018")]
    [InlineData("07400 123456", "GB", "+447400123456")]
    [InlineData("12345", "US", null)]
    [InlineData("call me", "US", null)]
    public void Phone_numbers_are_read_in_the_country_and_written_in_E164(string value, string country, string? expected)
    {
        E164PhoneNumbers.Normalize(value, country).ShouldBe(expected);
    }
}
