using SmbAgent.Data;

namespace SmbAgent.Voice;

public enum DevelopmentOutboxKind
{
    Sms = 0,
    Call = 1,
}

/// <summary>
/// An SMS or a call that would have gone out through Twilio when none is configured: kept for the admin's development
/// outbox (as the development mail box keeps mail), so a demo shows every alert without an account. Host data.
/// </summary>
public sealed class DevelopmentOutboxMessage : IHasCreationTime
{
    private DevelopmentOutboxMessage()
    {
        Sid = string.Empty;
        To = string.Empty;
        From = string.Empty;
        Body = string.Empty;
    }

    public DevelopmentOutboxMessage(Guid id, Guid? tenantId, DevelopmentOutboxKind kind, string sid, string to, string from, string body)
    {
        Id = id;
        TenantId = tenantId;
        Kind = kind;
        Sid = sid;
        To = to;
        From = from;
        Body = body;
    }

    public Guid Id { get; private set; }

    /// <summary>The business it was about, when any (shown only; host data is not tenant-filtered).</summary>
    public Guid? TenantId { get; private set; }

    public DevelopmentOutboxKind Kind { get; private set; }

    /// <summary>A made-up <c>SM…</c> or <c>CA…</c> id, as Twilio would have answered.</summary>
    public string Sid { get; private set; }

    public string To { get; private set; }

    public string From { get; private set; }

    /// <summary>The SMS text, or the call's TwiML.</summary>
    public string Body { get; private set; }

    /// <summary>For a call: where Twilio would have posted its status and gather results.</summary>
    public string? CallbackUrl { get; set; }

    public DateTimeOffset CreationTime { get; set; }
}
