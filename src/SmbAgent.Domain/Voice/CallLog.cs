using SmbAgent.Data;
using SmbAgent.Tenancy;

namespace SmbAgent.Voice;

/// <summary>One phone call, inbound or an owner alert, as Twilio reported it: its status, length, recording and what was said.</summary>
public sealed class CallLog : IMultiTenant, IHasCreationTime
{
    private CallLog()
    {
        CallSid = string.Empty;
        From = string.Empty;
        To = string.Empty;
        Status = string.Empty;
    }

    public CallLog(Guid id, Guid tenantId, string callSid, CallDirection direction, string from, string to, string status)
    {
        Id = id;
        TenantId = tenantId;
        CallSid = callSid;
        Direction = direction;
        From = from;
        To = to;
        Status = status;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    Guid? IMultiTenant.TenantId => TenantId;

    /// <summary>Twilio's <c>CA…</c> id: the call's key, the conversation's too.</summary>
    public string CallSid { get; private set; }

    public CallDirection Direction { get; private set; }

    /// <summary>E.164 (or Twilio's <c>anonymous</c> for a withheld number).</summary>
    public string From { get; private set; }

    public string To { get; private set; }

    /// <summary>Twilio's call status: queued, ringing, in-progress, completed, busy, failed, no-answer, canceled.</summary>
    public string Status { get; set; }

    public DateTimeOffset? StartTime { get; set; }

    public DateTimeOffset? EndTime { get; set; }

    public int? DurationSeconds { get; set; }

    public string? RecordingSid { get; set; }

    public string? RecordingUrl { get; set; }

    /// <summary>A voicemail's words (OpenAI's or Twilio's transcription); the conversation holds the rest of the call.</summary>
    public string? Transcript { get; set; }

    public Guid? ConversationId { get; set; }

    public Guid? LeadId { get; set; }

    /// <summary>Gathers in a row that heard nothing: one reprompt, then goodbye.</summary>
    public int Silences { get; set; }

    /// <summary>Whether the voice minutes of this call were added to the month's usage (once, at its final status).</summary>
    public bool MinutesCounted { get; set; }

    public DateTimeOffset CreationTime { get; set; }

    /// <summary>PostgreSQL's <c>xmin</c>: two instances taking webhooks of one call never overwrite each other.</summary>
    public uint Version { get; private set; }
}
