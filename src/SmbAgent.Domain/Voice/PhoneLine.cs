using SmbAgent.Data;
using SmbAgent.Tenancy;

namespace SmbAgent.Voice;

/// <summary>
/// One of the business's Twilio numbers and the account it belongs to. A number belongs to one business at most: the
/// called number is what names the business on an incoming call, so it is unique across every tenant.
/// </summary>
public sealed class PhoneLine : IMultiTenant, IHasCreationTime
{
    private PhoneLine()
    {
        Number = string.Empty;
        AccountSid = string.Empty;
        ProtectedAuthToken = string.Empty;
        SayVoice = VoiceConsts.DefaultSayVoice;
    }

    public PhoneLine(Guid id, Guid tenantId, string number, string accountSid, string protectedAuthToken)
    {
        Id = id;
        TenantId = tenantId;
        Number = number;
        AccountSid = accountSid;
        ProtectedAuthToken = protectedAuthToken;
        SayVoice = VoiceConsts.DefaultSayVoice;
        IsActive = true;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    Guid? IMultiTenant.TenantId => TenantId;

    /// <summary>E.164, as Twilio sends it in a webhook's <c>To</c>.</summary>
    public string Number { get; set; }

    /// <summary><c>AC</c> and 32 hex digits: the account whose auth token signs this number's webhooks.</summary>
    public string AccountSid { get; set; }

    /// <summary>The auth token, protected with ASP.NET Core Data Protection (keys in the database, read by every instance).</summary>
    public string ProtectedAuthToken { get; set; }

    /// <summary>Where a caller is put through when they ask for a person, or when the line can't serve; E.164.</summary>
    public string? ForwardTo { get; set; }

    /// <summary>Twilio's <c>&lt;Say&gt;</c> voice (e.g. <c>Polly.Joanna</c>), used whenever premium speech is off or fails.</summary>
    public string SayVoice { get; set; }

    /// <summary>The OpenAI voice for premium speech (nova, alloy, onyx, shimmer, echo, fable); null for <see cref="SayVoice"/> only.</summary>
    public string? PremiumVoice { get; set; }

    public bool IsActive { get; set; }

    /// <summary>When the owner last ran "test my setup", and what it found (null: it passed).</summary>
    public DateTimeOffset? LastTestTime { get; set; }

    public string? LastTestProblem { get; set; }

    public DateTimeOffset CreationTime { get; set; }
}
