using System.Text.RegularExpressions;
using FluentValidation;
using SmbAgent.Workspace;

namespace SmbAgent.Voice.PhoneLines;

/// <summary>
/// Numbers are read in the business's country, which the form does not carry: the app service passes it as
/// <see cref="CountryKey"/> in the root context data.
/// </summary>
public sealed partial class CreateUpdatePhoneLineDtoValidator : AbstractValidator<CreateUpdatePhoneLineDto>
{
    public const string CountryKey = "Country";
    public const int MaxAuthTokenLength = 128;

    public CreateUpdatePhoneLineDtoValidator()
    {
        RuleFor(l => l.Number).NotEmpty().WithMessage("Enter the Twilio phone number.");
        RuleFor(l => l.Number).Custom((number, context) =>
        {
            if (!string.IsNullOrWhiteSpace(number) && Normalize(number, context) is null)
            {
                context.AddFailure("Enter a valid phone number, such as +1 555 010 0123.");
            }
        });
        RuleFor(l => l.AccountSid).NotEmpty().WithMessage("Enter the Account SID from your Twilio console.");
        RuleFor(l => l.AccountSid).Must(sid => AccountSidPattern().IsMatch(sid!.Trim()))
            .When(l => !string.IsNullOrWhiteSpace(l.AccountSid))
            .WithMessage("An Account SID is AC followed by 32 letters and digits (0-9, a-f).");
        RuleFor(l => l.AuthToken).MaximumLength(MaxAuthTokenLength)
            .Must(token => !token!.Trim().Any(char.IsWhiteSpace)).When(l => !string.IsNullOrEmpty(l.AuthToken))
            .WithMessage("Paste the auth token without spaces.");
        RuleFor(l => l.ForwardTo).Custom((number, context) =>
        {
            if (!string.IsNullOrWhiteSpace(number) && Normalize(number, context) is null)
            {
                context.AddFailure("Enter a valid phone number to forward calls to, or leave it empty.");
            }
        });
        RuleFor(l => l.SayVoice).Must(v => PhoneLineVoices.SayVoices.Contains(v ?? string.Empty))
            .WithMessage("Choose one of the listed voices.");
        RuleFor(l => l.PremiumVoice).Must(v => PhoneLineVoices.PremiumVoices.Contains(v!))
            .When(l => !string.IsNullOrEmpty(l.PremiumVoice))
            .WithMessage("Choose one of the listed premium voices, or none.");
    }

    public static string? Normalize(string? number, string? country) => E164PhoneNumbers.Normalize(number, country);

    private static string? Normalize(string? number, ValidationContext<CreateUpdatePhoneLineDto> context) =>
        Normalize(number, context.RootContextData.TryGetValue(CountryKey, out var country) ? country as string : null);

    [GeneratedRegex("^AC[0-9a-fA-F]{32}$")]
    private static partial Regex AccountSidPattern();
}
