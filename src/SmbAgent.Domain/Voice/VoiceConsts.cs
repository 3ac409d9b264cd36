namespace SmbAgent.Voice;

public static class VoiceConsts
{
    public const int MaxNumberLength = 16;
    public const int AccountSidLength = 34;
    public const int CallSidLength = 34;
    public const int MaxProtectedSecretLength = 1000;
    public const int MaxVoiceNameLength = 64;
    public const int MaxStatusLength = 32;
    public const int MaxProblemLength = 500;
    public const int MaxUrlLength = 1000;
    public const int MaxTranscriptLength = 20_000;

    /// <summary>Twilio's own voice, available to every account and language.</summary>
    public const string DefaultSayVoice = "alice";
}
