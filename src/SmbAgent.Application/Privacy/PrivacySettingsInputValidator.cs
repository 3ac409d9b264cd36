using FluentValidation;
using SmbAgent.Workspace;

namespace SmbAgent.Privacy;

public sealed class PrivacySettingsInputValidator : AbstractValidator<PrivacySettingsInput>
{
    public PrivacySettingsInputValidator()
    {
        RuleFor(s => s.ConversationRetentionDays).InclusiveBetween(0, AgentSettings.MaxRetentionDays)
            .WithMessage($"Enter a number of days from 1 to {AgentSettings.MaxRetentionDays}, or leave it empty to keep conversations.");
        RuleFor(s => s.RecordingRetentionDays).InclusiveBetween(0, AgentSettings.MaxRetentionDays)
            .WithMessage($"Enter a number of days from 1 to {AgentSettings.MaxRetentionDays}, or leave it empty to keep recordings.");
        RuleFor(s => s.AiDisclosure).MaximumLength(AgentSettings.MaxDisclosureLength);
        RuleFor(s => s.RecordingDisclosure).MaximumLength(AgentSettings.MaxDisclosureLength);
    }
}
