using SmbAgent.Conversations.LeadCapture;

namespace SmbAgent.Conversations.Assistant;

/// <summary>
/// Phrases of the usual prompt-injection attempts in the six languages, compared like visitor intents
/// (<see cref="AnswerText.Fold"/>). They get the fixed refusal whichever provider runs, so a model that misreads one
/// can't turn it into a question to word an answer for.
/// </summary>
public static class InstructionAttempts
{
    private static readonly string[] Phrases = [.. new[]
    {
        "ignore all previous", "ignore previous instructions", "ignore your instructions", "ignore the above", "disregard your",
        "disregard all previous", "forget your instructions", "forget all previous", "system prompt", "your prompt", "your instructions",
        "developer mode", "jailbreak", "you are now", "pretend you are", "pretend to be", "act as the owner", "i am the owner",
        "im the owner", "new instructions", "repeat everything above", "print them verbatim", "reveal your",
        "ignora las instrucciones", "ignora todas las instrucciones", "tus instrucciones", "soy el dueño", "finge que eres",
        "ignore les instructions", "ignorez les instructions", "tes instructions", "vos instructions", "je suis le propriétaire", "fais semblant",
        "ignoriere alle", "ignoriere die anweisungen", "deine anweisungen", "ihre anweisungen", "ich bin der inhaber", "tu so als",
        "ignora le istruzioni", "ignora tutte le istruzioni", "le tue istruzioni", "sono il proprietario", "fai finta di essere",
        "ignore as instruções", "ignora as instruções", "as tuas instruções", "suas instruções", "sou o dono", "finge que és", "finja que é",
    }.Select(p => $" {AnswerText.Fold(p)} ").Distinct(StringComparer.Ordinal)];

    /// <summary>Runs on every open-state turn, so the text is folded and padded once (whole words: " phrase ").</summary>
    public static bool Contains(string text)
    {
        var padded = $" {AnswerText.Fold(text)} ";
        return Phrases.Any(p => padded.Contains(p, StringComparison.Ordinal));
    }
}
