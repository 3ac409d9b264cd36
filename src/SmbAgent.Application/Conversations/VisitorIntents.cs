using System.Globalization;
using System.Text;

namespace SmbAgent.Conversations;

/// <summary>
/// The local, deterministic intent rules: phrase lists in the six languages, matched on accent-free lower-case
/// words. Yes/no only count for short answers, so "no, but what are your hours?" is still a question.
/// </summary>
public static class VisitorIntents
{
    private static readonly string[] Human =
    [
        "human", "real person", "a person", "speak to someone", "talk to someone", "speak with someone", "talk to a", "speak to a", "operator", "representative", "agent please",
        "una persona", "hablar con alguien", "humano", "persona real",
        "une personne", "parler a quelqu", "un humain", "conseiller",
        "mensch", "mitarbeiter", "mit jemandem sprechen", "echte person",
        "parlare con qualcuno", "operatore", "persona vera",
        "uma pessoa", "falar com alguem", "atendente", "humano",
    ];

    private static readonly string[] LeaveDetails =
    [
        "quote", "estimate", "book", "booking", "appointment", "schedule", "call me", "call back", "callback", "contact me", "get in touch", "reach me", "leave my details", "come out", "send someone", "visit",
        "presupuesto", "cita", "reservar", "llamenme", "llamame", "contactenme", "mis datos",
        "devis", "rendez-vous", "rendez vous", "reserver", "rappelez-moi", "rappeler", "contactez-moi", "mes coordonnees",
        "angebot", "kostenvoranschlag", "termin", "buchen", "ruckruf", "rufen sie mich", "kontaktieren sie mich",
        "preventivo", "appuntamento", "prenotare", "richiamatemi", "contattatemi",
        "orcamento", "marcacao", "agendar", "ligue-me", "liguem-me", "contactem-me", "contatem-me",
    ];

    private static readonly string[] Yes =
    [
        "yes", "yeah", "yep", "sure", "ok", "okay", "please", "yes please", "of course",
        "si", "claro", "vale", "por favor", "oui", "d'accord", "volontiers", "ja", "gern", "gerne", "klar",
        "certo", "va bene", "sim", "pode ser",
    ];

    private static readonly string[] Greetings =
    [
        "hi", "hello", "hey", "hi there", "hello there", "good morning", "good afternoon", "good evening",
        "hola", "buenos dias", "buenas tardes", "bonjour", "bonsoir", "salut", "hallo", "guten tag", "guten morgen",
        "ciao", "buongiorno", "buonasera", "ola", "bom dia", "boa tarde",
    ];

    private static readonly string[] No =
    [
        "no", "nope", "no thanks", "no thank you", "not now", "nah",
        "no gracias", "non", "non merci", "nein", "nein danke", "no grazie", "nao", "nao obrigado",
    ];

    public static VisitorIntent Detect(string text)
    {
        var normalized = Normalize(text);
        var words = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length <= 3)
        {
            var phrase = string.Join(' ', words);
            if (No.Contains(phrase))
            {
                return VisitorIntent.No;
            }

            if (Yes.Contains(phrase))
            {
                return VisitorIntent.Yes;
            }

            if (Greetings.Contains(phrase))
            {
                return VisitorIntent.Greeting;
            }
        }

        var padded = $" {normalized} ";
        if (Human.Any(p => padded.Contains($" {p} ", StringComparison.Ordinal)))
        {
            return VisitorIntent.Human;
        }

        return LeaveDetails.Any(p => padded.Contains($" {p} ", StringComparison.Ordinal)) ? VisitorIntent.LeaveDetails : VisitorIntent.Question;
    }

    /// <summary>Lower case, accents removed, punctuation (except apostrophes and hyphens) turned into spaces.</summary>
    public static string Normalize(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(char.IsLetterOrDigit(c) || c is '\'' or '-' or '@' or '.' or '+' ? c : ' ');
        }

        return string.Join(' ', builder.ToString().Replace(". ", " ", StringComparison.Ordinal).TrimEnd('.').Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
