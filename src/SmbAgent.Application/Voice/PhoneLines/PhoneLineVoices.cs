using SmbAgent.Workspace;

namespace SmbAgent.Voice.PhoneLines;

/// <summary>The voices a line may use: Twilio's own and the Polly voices the agent settings offer; OpenAI's with premium voices.</summary>
public static class PhoneLineVoices
{
    public static IReadOnlyList<string> SayVoices { get; } = [VoiceConsts.DefaultSayVoice, .. AgentVoices.StandardVoices];

    public static IReadOnlyList<string> PremiumVoices => AgentVoices.PremiumVoices;
}
