namespace SmbAgent.Voice.PhoneLines;

/// <summary>A line as the admin shows it: everything but the auth token, which is never read back.</summary>
public sealed record PhoneLineDto(
    Guid Id,
    string Number,
    string AccountSid,
    string? ForwardTo,
    string SayVoice,
    string? PremiumVoice,
    bool IsActive,
    DateTimeOffset? LastTestTime,
    string? LastTestProblem);

/// <summary>What the owner pastes into Twilio's number settings, the same for every line.</summary>
public sealed record PhoneLineWebhooks(Uri Incoming, Uri StatusCallback, Uri Fallback);

public sealed record PhoneLineListDto(IReadOnlyList<PhoneLineDto> Lines, PhoneLineWebhooks Webhooks, bool PremiumVoicesEnabled);

/// <summary>The add and edit form. On edit an empty <see cref="AuthToken"/> keeps the stored one.</summary>
public sealed class CreateUpdatePhoneLineDto
{
    public string? Number { get; set; }

    public string? AccountSid { get; set; }

    public string? AuthToken { get; set; }

    public string? ForwardTo { get; set; }

    public string? SayVoice { get; set; } = VoiceConsts.DefaultSayVoice;

    /// <summary>Empty for none.</summary>
    public string? PremiumVoice { get; set; }

    public bool IsActive { get; set; } = true;
}

/// <param name="Problem">Null when the check passed.</param>
public sealed record PhoneLineTestResultDto(DateTimeOffset Time, string? Problem)
{
    public bool Passed => Problem is null;
}
