namespace SmbAgent.Conversations.Assistant;

/// <summary>
/// The fixed refusal, per supported language: sent for an attempt to change or reveal the agent's instructions and in
/// place of any model output that showed them. Fixed so that nothing a visitor types can shape it.
/// </summary>
public static class AssistantTexts
{
    private static readonly Dictionary<string, string> Refusals = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "Sorry, I can't help with that. I can answer questions about our services or take your details for the team.",
        ["es"] = "Lo siento, no puedo ayudarle con eso. Puedo responder preguntas sobre nuestros servicios o tomar sus datos para el equipo.",
        ["fr"] = "Désolé, je ne peux pas vous aider pour cela. Je peux répondre à vos questions sur nos services ou prendre vos coordonnées pour l'équipe.",
        ["de"] = "Dabei kann ich leider nicht helfen. Ich beantworte gern Fragen zu unseren Leistungen oder nehme Ihre Kontaktdaten für das Team auf.",
        ["it"] = "Mi dispiace, non posso aiutarla in questo. Posso rispondere a domande sui nostri servizi o prendere i suoi recapiti per il team.",
        ["pt"] = "Desculpe, não posso ajudar com isso. Posso responder a perguntas sobre os nossos serviços ou recolher os seus dados para a equipa.",
    };

    public static string Refusal(string language) => Refusals.TryGetValue(language, out var text) ? text : Refusals["en"];
}
