namespace SmbAgent.Privacy;

/// <summary>The privacy form: retention in days (empty or 0 keeps forever) and the disclosure texts (empty says none).</summary>
public sealed class PrivacySettingsInput
{
    public int? ConversationRetentionDays { get; set; }

    public int? RecordingRetentionDays { get; set; }

    public string? AiDisclosure { get; set; }

    public string? RecordingDisclosure { get; set; }
}
