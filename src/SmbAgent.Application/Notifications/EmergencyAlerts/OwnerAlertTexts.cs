using System.Globalization;

namespace SmbAgent.Notifications.EmergencyAlerts;

/// <summary>What the owner hears on an alert call, in the business's agent language (English when it has none of these).</summary>
public sealed record OwnerAlertTexts(
    string SayLanguage,
    string Emergency,
    string Someone,
    string VisitorAt,
    string Reports,
    string PressOne,
    string PressTwo,
    string Acknowledged,
    string Connecting,
    string Goodbye)
{
    public static OwnerAlertTexts For(string? language) =>
        language is not null && All.TryGetValue(language, out var texts) ? texts : All["en"];

    public static string Format(string template, params object[] values) => string.Format(CultureInfo.InvariantCulture, template, values);

    private static readonly Dictionary<string, OwnerAlertTexts> All = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = new(
            "en-US",
            "Emergency at {0}.",
            "A visitor",
            "{0} at {1}",
            "reports: {0}.",
            "Press 1 to acknowledge.",
            "Press 2 to be connected to the caller now.",
            "Thank you. The emergency is acknowledged.",
            "Thank you. Connecting you to the caller now.",
            "Goodbye."),
        ["es"] = new(
            "es-ES",
            "Emergencia en {0}.",
            "Un cliente",
            "{0}, en el {1},",
            "informa: {0}.",
            "Pulse 1 para confirmar.",
            "Pulse 2 para hablar ahora con quien llamó.",
            "Gracias. La emergencia está confirmada.",
            "Gracias. Le pongo ahora con quien llamó.",
            "Adiós."),
        ["fr"] = new(
            "fr-FR",
            "Urgence chez {0}.",
            "Un client",
            "{0}, au {1},",
            "signale : {0}.",
            "Appuyez sur 1 pour confirmer.",
            "Appuyez sur 2 pour être mis en relation avec la personne maintenant.",
            "Merci. L'urgence est confirmée.",
            "Merci. Je vous mets en relation maintenant.",
            "Au revoir."),
        ["de"] = new(
            "de-DE",
            "Notfall bei {0}.",
            "Ein Kunde",
            "{0}, unter {1},",
            "meldet: {0}.",
            "Drücken Sie 1 zur Bestätigung.",
            "Drücken Sie 2, um jetzt mit der Person verbunden zu werden.",
            "Danke. Der Notfall ist bestätigt.",
            "Danke. Sie werden jetzt verbunden.",
            "Auf Wiederhören."),
        ["it"] = new(
            "it-IT",
            "Emergenza presso {0}.",
            "Un cliente",
            "{0}, al numero {1},",
            "segnala: {0}.",
            "Premere 1 per confermare.",
            "Premere 2 per parlare subito con chi ha chiamato.",
            "Grazie. L'emergenza è confermata.",
            "Grazie. La metto in contatto ora.",
            "Arrivederci."),
        ["pt"] = new(
            "pt-BR",
            "Emergência em {0}.",
            "Um cliente",
            "{0}, no número {1},",
            "relata: {0}.",
            "Pressione 1 para confirmar.",
            "Pressione 2 para falar agora com quem ligou.",
            "Obrigado. A emergência está confirmada.",
            "Obrigado. A ligar agora para quem ligou.",
            "Adeus."),
    };
}
