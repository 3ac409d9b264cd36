using SmbAgent.Conversations.LeadCapture;

namespace SmbAgent.Conversations;

/// <summary>
/// The local, deterministic intent rules: phrase lists in the six languages, compared the way lead answers are
/// (<see cref="AnswerText.Fold"/>: case and accents off, apostrophes dropped, other punctuation a word break), so
/// "D'accord", "rendez-vous" and "Rückruf" are written here as people type them. Yes/no only count for short
/// answers, so "no, but what are your hours?" is still a question.
/// </summary>
public static class VisitorIntents
{
    private static readonly string[] Human = Folded(
        "human", "real person", "a person", "speak to someone", "talk to someone", "speak with someone", "talk to a", "speak to a", "operator", "representative", "agent please",
        "una persona", "hablar con alguien", "humano", "persona real",
        "une personne", "parler à quelqu'un", "un humain", "conseiller",
        "mensch", "mitarbeiter", "mit jemandem sprechen", "echte person",
        "parlare con qualcuno", "operatore", "persona vera",
        "uma pessoa", "falar com alguém", "atendente");

    private static readonly string[] LeaveDetails = Folded(
        "quote", "estimate", "book", "booking", "appointment", "schedule", "call me", "call back", "callback", "contact me", "get in touch", "reach me", "leave my details", "come out", "send someone", "visit",
        "presupuesto", "cita", "reservar", "llámenme", "llámame", "contáctenme", "mis datos",
        "devis", "rendez-vous", "réserver", "rappelez-moi", "rappeler", "contactez-moi", "mes coordonnées",
        "Angebot", "Kostenvoranschlag", "Termin", "buchen", "Rückruf", "rufen Sie mich", "kontaktieren Sie mich",
        "preventivo", "appuntamento", "prenotare", "richiamatemi", "contattatemi",
        "orçamento", "marcação", "agendar", "ligue-me", "liguem-me", "contactem-me", "contatem-me");

    private static readonly HashSet<string> Yes = [.. Folded(
        "yes", "yeah", "yep", "sure", "ok", "okay", "please", "yes please", "of course",
        "sí", "claro", "vale", "por favor", "oui", "d'accord", "volontiers", "ja", "gern", "gerne", "klar",
        "certo", "va bene", "sim", "pode ser")];

    private static readonly HashSet<string> Greetings = [.. Folded(
        "hi", "hello", "hey", "hi there", "hello there", "good morning", "good afternoon", "good evening",
        "hola", "buenos días", "buenas tardes", "bonjour", "bonsoir", "salut", "hallo", "guten Tag", "guten Morgen",
        "ciao", "buongiorno", "buonasera", "olá", "bom dia", "boa tarde")];

    private static readonly HashSet<string> No = [.. Folded(
        "no", "nope", "no thanks", "no thank you", "not now", "nah",
        "no gracias", "non", "non merci", "nein", "nein danke", "no grazie", "não", "não obrigado")];

    public static VisitorIntent Detect(string text)
    {
        var folded = AnswerText.Fold(text);
        if (folded.Count(c => c == ' ') < 3)
        {
            if (No.Contains(folded))
            {
                return VisitorIntent.No;
            }

            if (Yes.Contains(folded))
            {
                return VisitorIntent.Yes;
            }

            if (Greetings.Contains(folded))
            {
                return VisitorIntent.Greeting;
            }
        }

        if (Human.Any(p => AnswerText.ContainsWords(folded, p)))
        {
            return VisitorIntent.Human;
        }

        return LeaveDetails.Any(p => AnswerText.ContainsWords(folded, p)) ? VisitorIntent.LeaveDetails : VisitorIntent.Question;
    }

    private static string[] Folded(params string[] phrases) => [.. phrases.Select(AnswerText.Fold).Distinct(StringComparer.Ordinal)];
}
