using SmbAgent.Conversations;
using SmbAgent.KnowledgeBase;
using SmbAgent.Workspace;

namespace SmbAgent.Voice.Speech;

/// <summary>
/// The sentences every call of a business says word for word, so they can be synthesised before anyone calls: the
/// greeting and each lead question as the phone line asks it.
/// </summary>
public static class SpokenPrompts
{
    /// <summary>The language the line speaks: the one the owner chose for the phone when supported, else the agent's.</summary>
    public static string LanguageOf(AgentSettings agent) =>
        agent.VoiceLanguage is { } voice && KnowledgeLanguages.IsSupported(voice) ? voice : agent.Language;

    /// <summary>The owner's welcome when it is written in the line's language, else the built-in spoken one in it.</summary>
    public static string Greeting(AgentSettings agent)
    {
        var language = LanguageOf(agent);
        return string.Equals(language, agent.Language, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(agent.WelcomeMessage)
            ? agent.WelcomeMessage
            : AgentTexts.For(language, ConversationChannel.Voice).Welcome;
    }
}
