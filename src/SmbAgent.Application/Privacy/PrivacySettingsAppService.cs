using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SmbAgent.Auditing;
using SmbAgent.Data;
using SmbAgent.Voice.Speech;
using SmbAgent.Workspace;

namespace SmbAgent.Privacy;

/// <summary>The current tenant's retention periods and disclosure texts.</summary>
public sealed class PrivacySettingsAppService(
    ISmbAgentDbContext db,
    IValidator<PrivacySettingsInput> validator,
    WorkspaceSettingsCache workspace,
    SpeechPreparation speech,
    IAuditLogger audit)
{
    public async Task<PrivacySettingsInput> GetAsync(CancellationToken cancellationToken = default)
    {
        var settings = await FindAsync(cancellationToken);
        return new PrivacySettingsInput
        {
            ConversationRetentionDays = settings.ConversationRetentionDays,
            RecordingRetentionDays = settings.RecordingRetentionDays,
            AiDisclosure = settings.AiDisclosure,
            RecordingDisclosure = settings.RecordingDisclosure,
        };
    }

    public async Task UpdateAsync(PrivacySettingsInput input, CancellationToken cancellationToken = default)
    {
        await validator.ValidateAndThrowAsync(input, cancellationToken);
        var settings = await FindAsync(cancellationToken);
        var disclosure = Disclosures.Of(settings);
        settings.ConversationRetentionDays = input.ConversationRetentionDays is > 0 ? input.ConversationRetentionDays : null;
        settings.RecordingRetentionDays = input.RecordingRetentionDays is > 0 ? input.RecordingRetentionDays : null;
        settings.AiDisclosure = Blank(input.AiDisclosure);
        settings.RecordingDisclosure = Blank(input.RecordingDisclosure);
        await db.SaveChangesAsync(cancellationToken);
        await workspace.InvalidateAsync(cancellationToken);
        if (disclosure != Disclosures.Of(settings))
        {
            // Callers hear the disclosure first: premium voices have it synthesised ahead, as the greeting.
            await speech.QueueAsync(cancellationToken);
        }

        await audit.LogAsync(
            AuditActions.PrivacySettingsChanged,
            $"retention: conversations {Days(settings.ConversationRetentionDays)}, recordings {Days(settings.RecordingRetentionDays)}; "
            + $"AI disclosure {(settings.AiDisclosure is null ? "off" : "on")}, recording disclosure {(settings.RecordingDisclosure is null ? "off" : "on")}",
            cancellationToken);
    }

    private static string Days(int? days) => days is { } d ? $"{d} days" : "kept";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private async Task<AgentSettings> FindAsync(CancellationToken cancellationToken) =>
        await db.AgentSettings.FirstOrDefaultAsync(cancellationToken)
        ?? throw new EntityNotFoundException(nameof(AgentSettings), "current tenant");
}
