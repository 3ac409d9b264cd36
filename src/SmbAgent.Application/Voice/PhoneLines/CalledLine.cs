namespace SmbAgent.Voice.PhoneLines;

/// <summary>
/// The phone line a webhook's called number names, found across every business: whose call it is and which account's
/// token signs it. The token stays protected until the signature check needs it.
/// </summary>
public sealed record CalledLine(
    Guid Id,
    Guid TenantId,
    string Number,
    string AccountSid,
    string ProtectedAuthToken,
    string? ForwardTo,
    string SayVoice,
    bool IsActive);
