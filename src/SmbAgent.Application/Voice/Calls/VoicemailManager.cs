using Microsoft.EntityFrameworkCore;
using SmbAgent.BackgroundJobs;
using SmbAgent.Conversations;
using SmbAgent.Data;
using SmbAgent.Leads;
using SmbAgent.Notifications;
using SmbAgent.Voice.PhoneLines;
using SmbAgent.Voice.Speech;
using SmbAgent.Webhooks;
using SmbAgent.Workspace;

namespace SmbAgent.Voice.Calls;

/// <summary>
/// Keeps a call's recording and its transcript on the call's record. A recording of a call whose conversation left no
/// lead is a voicemail: it becomes the call's lead (the caller's number, the transcript as notes), and the team hears of
/// it as of any new lead. Twilio posts the recording, then (with transcription) its text.
/// Without OpenAI the lead is made by whichever comes first, and a transcript arriving later replaces the placeholder
/// notes. With OpenAI the first post of the recording queues its transcription instead, and the job makes the lead
/// with OpenAI's transcript, or with Twilio's (kept meanwhile on the record) when OpenAI could not write one.
/// </summary>
public sealed class VoicemailManager(
    ISmbAgentDbContext db,
    CallLogManager calls,
    WorkspaceSettingsCache workspace,
    LeadNotificationOutbox outbox,
    WebhookOutbox webhooks,
    SpeechTranscriber transcriber,
    IBackgroundJobManager jobs,
    TimeProvider clock)
{
    public const string NoTranscript = "Voicemail (no transcript)";

    /// <summary>
    /// Applies the recording; returns the call's lead (the voicemail's, or the one its conversation made), or null
    /// while the voicemail waits for its transcription.
    /// </summary>
    public Task<Guid?> ApplyAsync(CallRecording recording, CancellationToken cancellationToken = default) =>
        OnceMoreOnConflictAsync(() => TryApplyAsync(recording, cancellationToken));

    /// <summary>
    /// Makes the voicemail the call's lead once its transcription ended: with <paramref name="transcript"/>, or with
    /// Twilio's when that is null. A call that has its lead already keeps it (a repeated job run changes nothing more).
    /// </summary>
    public Task<Guid?> CompleteTranscriptionAsync(string callSid, string? transcript, CancellationToken cancellationToken = default) =>
        OnceMoreOnConflictAsync(() => TryCompleteAsync(callSid, transcript, cancellationToken));

    private async Task<Guid?> OnceMoreOnConflictAsync(Func<Task<Guid?>> apply)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await apply();
            }
            catch (DbUpdateException e) when (attempt == 1 && e is DuplicateEntryException or DbUpdateConcurrencyException)
            {
                // The recording's two posts (or another webhook of the call, or its transcription job) saved first:
                // once more over what they saved.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<Guid?> TryApplyAsync(CallRecording recording, CancellationToken cancellationToken)
    {
        var log = await calls.StartInboundAsync(recording.CallSid, recording.From, recording.To, cancellationToken);
        var transcript = string.IsNullOrWhiteSpace(recording.TranscriptionText) ? null : recording.TranscriptionText.Trim();
        var newRecording = recording.RecordingSid is not null && log.RecordingSid is null;
        if (recording.RecordingSid is not null)
        {
            log.RecordingSid = recording.RecordingSid;
            log.RecordingUrl = recording.RecordingUrl?.AbsoluteUri;
        }

        if (transcript is not null && log.Transcript is null)
        {
            // The first transcript stays: a late Twilio text never replaces the one OpenAI wrote.
            log.Transcript = Truncate(transcript, VoiceConsts.MaxTranscriptLength);
        }

        var conversation = await ConversationOfAsync(log, cancellationToken);
        if ((log.LeadId ?? conversation?.LeadId) is { } existing)
        {
            log.LeadId = existing;
            if (transcript is not null && await db.Leads.FirstOrDefaultAsync(l => l.Id == existing && l.Notes == NoTranscript, cancellationToken) is { } voicemail)
            {
                voicemail.Notes = Truncate(transcript, LeadConsts.MaxNotesLength);
            }

            await db.SaveChangesAsync(cancellationToken);
            return existing;
        }

        if (transcriber.IsConfigured && log.RecordingUrl is not null)
        {
            await db.SaveChangesAsync(cancellationToken);
            // Only the post that stored the recording queues its transcription: a retried callback was saved already.
            if (newRecording)
            {
                jobs.Enqueue(new TranscribeVoicemailArgs(log.CallSid));
            }

            return null;
        }

        return await AddLeadAsync(log, conversation, cancellationToken);
    }

    private async Task<Guid?> TryCompleteAsync(string callSid, string? transcript, CancellationToken cancellationToken)
    {
        if (await calls.FindAsync(callSid, cancellationToken) is not { } log)
        {
            return null;
        }

        if (!string.IsNullOrWhiteSpace(transcript))
        {
            log.Transcript = Truncate(transcript.Trim(), VoiceConsts.MaxTranscriptLength);
        }

        var conversation = await ConversationOfAsync(log, cancellationToken);
        if ((log.LeadId ?? conversation?.LeadId) is { } existing)
        {
            log.LeadId = existing;
            await db.SaveChangesAsync(cancellationToken);
            return existing;
        }

        return await AddLeadAsync(log, conversation, cancellationToken);
    }

    private async Task<Guid?> AddLeadAsync(CallLog log, Conversation? conversation, CancellationToken cancellationToken)
    {
        var settings = await workspace.GetAsync(cancellationToken);
        var now = clock.GetUtcNow();
        if (conversation is null)
        {
            conversation = new Conversation(
                Guid.CreateVersion7(), log.TenantId, ConversationChannel.Voice, ConversationTokens.Hash(log.CallSid),
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
            Notes = log.Transcript is { } transcript ? Truncate(transcript, LeadConsts.MaxNotesLength) : NoTranscript,
            CreationTime = now,
        };
        db.Leads.Add(lead);
        conversation.LeadId = lead.Id;
        log.ConversationId = conversation.Id;
        log.LeadId = lead.Id;
        var deliveries = settings.Profile is { } profile ? await outbox.AddForNewLeadAsync(lead, profile, cancellationToken) : [];
        await webhooks.LeadCreatedAsync(lead, cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
        foreach (var delivery in deliveries)
        {
            jobs.Enqueue(new DeliverNotificationArgs(delivery.Id));
        }

        return lead.Id;
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
