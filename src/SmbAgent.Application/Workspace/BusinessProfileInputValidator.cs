using FluentValidation;
using SmbAgent.Tenancy;

namespace SmbAgent.Workspace;

public sealed partial class BusinessProfileInputValidator : AbstractValidator<BusinessProfileInput>
{
    public const int MaxHolidays = 60;
    public const int MaxContactNameLength = 64;

    public BusinessProfileInputValidator()
    {
        RuleFor(p => p.Name).NotEmpty().WithMessage("Enter the business name.")
            .MaximumLength(TenantConsts.MaxNameLength);
        RuleFor(p => p.Type).IsInEnum().WithMessage("Choose a business type.");
        RuleFor(p => p.TimeZone).Must(IsIanaTimeZone).WithMessage("Choose a time zone such as America/Chicago.");
        RuleFor(p => p.Country).Must(E164PhoneNumbers.IsKnownRegion).WithMessage("Enter a two-letter country code such as US.");
        RuleFor(p => p.Address).MaximumLength(BusinessProfile.MaxAddressLength);
        RuleFor(p => p.Website).MaximumLength(BusinessProfile.MaxWebsiteLength)
            .Must(IsHttpUrl).When(p => !string.IsNullOrWhiteSpace(p.Website))
            .WithMessage("Enter a full web address starting with http:// or https://.");
        RuleFor(p => p.Phone).Must((p, phone) => E164PhoneNumbers.Normalize(phone, p.Country) is not null)
            .When(p => !string.IsNullOrWhiteSpace(p.Phone))
            .WithMessage("Enter a valid phone number.");

        RuleFor(p => p.Hours).Must(h => h.Count == 7 && h.Select(d => d.Day).Distinct().Count() == 7)
            .WithMessage("Give the hours of every weekday.");
        RuleForEach(p => p.Hours).ChildRules(day =>
        {
            day.RuleFor(d => d.Day).IsInEnum();
            day.RuleFor(d => d.Closes).GreaterThan(d => d.Opens).When(d => d.IsOpen)
                .WithMessage("Closing time must be after opening time.");
        });

        RuleFor(p => p.Holidays.Count).LessThanOrEqualTo(MaxHolidays).OverridePropertyName("Holidays")
            .WithMessage($"At most {MaxHolidays} holidays.");
        RuleForEach(p => p.Holidays).ChildRules(holiday =>
        {
            holiday.RuleFor(h => h.Date).NotNull().WithMessage("Enter the date.");
            holiday.RuleFor(h => h.Name).NotEmpty().WithMessage("Name the holiday.").MaximumLength(100);
        });

        RuleFor(p => p.Contacts.Count).LessThanOrEqualTo(BusinessProfile.MaxContacts)
            .OverridePropertyName("Contacts").WithMessage($"At most {BusinessProfile.MaxContacts} contacts.");
        RuleForEach(p => p.Contacts).ChildRules(contact =>
        {
            contact.RuleFor(c => c.Kind).IsInEnum();
            contact.RuleFor(c => c.Value).NotEmpty().WithMessage("Enter an email address or a phone number.");
            contact.RuleFor(c => c.Value).Must(IsEmail).When(c => c.Kind == ContactKind.Email && !string.IsNullOrWhiteSpace(c.Value))
                .WithMessage("Enter a valid email address.");
            contact.RuleFor(c => c.Name).MaximumLength(MaxContactNameLength);
        });
        RuleForEach(p => p.Contacts).Custom((contact, context) =>
        {
            // Phone numbers are read in the profile's country, which the child rules cannot see.
            if (contact.Kind == ContactKind.Phone && !string.IsNullOrWhiteSpace(contact.Value)
                && E164PhoneNumbers.Normalize(contact.Value, context.InstanceToValidate.Country) is null)
            {
                context.AddFailure(nameof(ContactInput.Value), "Enter a valid phone number.");
            }
        });
    }

    public static bool IsIanaTimeZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId;

    public static bool IsEmail(string? value) => value is not null && EmailPattern().IsMatch(value.Trim());

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    [System.Text.RegularExpressions.GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial System.Text.RegularExpressions.Regex EmailPattern();
}
