namespace SmbAgent.Conversations.Takeover;

/// <summary>What the visitor is told, in their language, when a person joins the chat and when the assistant is back.</summary>
public sealed record TakeoverTexts(string Joined, string HandedBack)
{
    public static TakeoverTexts For(string language) => All.TryGetValue(language, out var texts) ? texts : All["en"];

    private static readonly Dictionary<string, TakeoverTexts> All = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = new("You're now chatting with a person from the team.", "You're back with the assistant."),
        ["es"] = new("Ahora está hablando con una persona del equipo.", "Vuelve a hablar con el asistente."),
        ["fr"] = new("Vous discutez maintenant avec une personne de l'équipe.", "Vous êtes de retour avec l'assistant."),
        ["de"] = new("Sie chatten jetzt mit einer Person aus dem Team.", "Sie sind wieder beim Assistenten."),
        ["it"] = new("Ora sta parlando con una persona del team.", "È di nuovo con l'assistente."),
        ["pt"] = new("Está agora a falar com uma pessoa da equipa.", "Está de volta com o assistente."),
    };
}
