using FluentValidation;

namespace SmbAgent.Workspace;

public sealed partial class AgentSettingsInputValidator : AbstractValidator<AgentSettingsInput>
{
    public AgentSettingsInputValidator()
    {
        RuleFor(s => s.AgentName).NotEmpty().WithMessage("Give the agent a name.").MaximumLength(AgentSettings.MaxNameLength);
        RuleFor(s => s.Persona).MaximumLength(AgentSettings.MaxPersonaLength);
        RuleFor(s => s.WelcomeMessage).MaximumLength(AgentSettings.MaxMessageLength);
        RuleFor(s => s.ChatCompletionMessage).MaximumLength(AgentSettings.MaxMessageLength);
        RuleFor(s => s.VoiceCompletionMessage).MaximumLength(AgentSettings.MaxMessageLength);
        RuleFor(s => s.EmergencyMessage).MaximumLength(AgentSettings.MaxMessageLength);
        RuleFor(s => s.Language).Must(l => AgentLanguages.All.ContainsKey(l ?? string.Empty)).WithMessage("Choose a language.");
        RuleFor(s => s.WidgetPrimaryColor).NotEmpty().WithMessage("Use a colour like #0B5CAD.").Matches(ColorPattern()).WithMessage("Use a colour like #0B5CAD.");
        RuleFor(s => s.WidgetAccentColor).NotEmpty().WithMessage("Use a colour like #FFFFFF.").Matches(ColorPattern()).WithMessage("Use a colour like #FFFFFF.");
        RuleFor(s => s.WidgetPosition).IsInEnum().WithMessage("Choose a position.");
        RuleFor(s => s.VoiceLanguage).Must(l => AgentLanguages.All.ContainsKey(l!)).When(s => s.VoiceLanguage is not null)
            .WithMessage("Choose a language.");
        RuleFor(s => s.Voice)
            .Must((s, voice) => (s.UsePremiumVoice == true ? AgentVoices.PremiumVoices : AgentVoices.StandardVoices).Contains(voice!))
            .When(s => s.Voice is not null)
            .WithMessage(s => s.UsePremiumVoice == true
                ? "With premium voice on, choose one of the premium voices."
                : "Choose one of the standard voices, or turn premium voice on.");
    }

    [System.Text.RegularExpressions.GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial System.Text.RegularExpressions.Regex ColorPattern();
}
