using Microsoft.EntityFrameworkCore;
using SmbAgent.BackgroundJobs;
using SmbAgent.Conversations;
using SmbAgent.Data;
using SmbAgent.Leads;
using SmbAgent.Notifications;
using SmbAgent.Voice.PhoneLines;
using SmbAgent.Workspace;

namespace SmbAgent.Voice.Calls;

/// <summary>
/// Keeps a call's recording and its transcript on the call's record. A recording of a call whose conversation left no
/// lead is a voicemail: it becomes the call's lead (the caller's number, the transcript as notes), and the team hears of
/// it as of any new lead. Twilio posts the recording, then (with transcription) its text: the lead is made by whichever
/// comes first, and a transcript arriving later replaces the placeholder notes.
/// </summary>
public sealed class VoicemailManager(
    ISmbAgentDbContext db,
    CallLogManager calls,
    WorkspaceSettingsCache workspace,
    LeadNotificationOutbox outbox,
    IBackgroundJobManager jobs,
    TimeProvider clock)
{
    public const string NoTranscript = "Voicemail (no transcript)";

    /// <summary>Applies the recording; returns the call's lead (the voicemail's, or the one its conversation made).</summary>
    public async Task<Guid> ApplyAsync(CallRecording recording, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryApplyAsync(recording, cancellationToken);
            }
            catch (DbUpdateException e) when (attempt == 1 && e is DuplicateEntryException or DbUpdateConcurrencyException)
            {
                // The recording's two posts (or another webhook of the call) saved first: once more over what they saved.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<Guid> TryApplyAsync(CallRecording recording, CancellationToken cancellationToken)
    {
        var log = await calls.StartInboundAsync(recording.CallSid, recording.From, recording.To, cancellationToken);
        var transcript = string.IsNullOrWhiteSpace(recording.TranscriptionText) ? null : recording.TranscriptionText.Trim();
        if (recording.RecordingSid is not null)
        {
            log.RecordingSid = recording.RecordingSid;
            log.RecordingUrl = recording.RecordingUrl?.AbsoluteUri;
        }

        if (transcript is not null)
        {
            log.Transcript = Truncate(transcript, VoiceConsts.MaxTranscriptLength);
        }

        var conversation = await ConversationOfAsync(log, cancellationToken);
        var deliveries = new List<NotificationDelivery>();
        Guid leadId;
        if ((log.LeadId ?? conversation?.LeadId) is { } existing)
        {
            leadId = existing;
            log.LeadId = existing;
            if (transcript is not null && await db.Leads.FirstOrDefaultAsync(l => l.Id == existing && l.Notes == NoTranscript, cancellationToken) is { } voicemail)
            {
                voicemail.Notes = Truncate(transcript, LeadConsts.MaxNotesLength);
            }
        }
        else
        {
            var settings = await workspace.GetAsync(cancellationToken);
            var now = clock.GetUtcNow();
            if (conversation is null)
            {
                conversation = new Conversation(
                    Guid.CreateVersion7(), log.TenantId, ConversationChannel.Voice, ConversationTokens.Hash(recording.CallSid),
                    settings.Agent.VoiceLanguage ?? settings.Agent.Language)
                {
                    Visitor = log.From,
                    CreationTime = now,
                    LastActivityTime = now,
                };
                db.Conversations.Add(conversation);
            }

            var lead = new Lead(Guid.CreateVersion7(), log.TenantId, conversation.Id, ConversationChannel.Voice, conversation.Priority)
            {
                Phone = PhoneLineStore.IsE164(log.From) ? log.From : null,
                Notes = transcript is null ? NoTranscript : Truncate(transcript, LeadConsts.MaxNotesLength),
                CreationTime = now,
            };
            db.Leads.Add(lead);
            conversation.LeadId = lead.Id;
            log.ConversationId = conversation.Id;
            log.LeadId = lead.Id;
            leadId = lead.Id;
            if (settings.Profile is { } profile)
            {
                deliveries = await outbox.AddForNewLeadAsync(lead, profile, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var delivery in deliveries)
        {
            jobs.Enqueue(new DeliverNotificationArgs(delivery.Id));
        }

        return leadId;
    }

    /// <summary>The call's conversation: linked on its record, else the one keyed by its SID.</summary>
    private async Task<Conversation?> ConversationOfAsync(CallLog log, CancellationToken cancellationToken)
    {
        if (log.ConversationId is { } id)
        {
            return await db.Conversations.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        }

        var hash = ConversationTokens.Hash(log.CallSid);
        return await db.Conversations.FirstOrDefaultAsync(c => c.Channel == ConversationChannel.Voice && c.TokenHash == hash, cancellationToken);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
