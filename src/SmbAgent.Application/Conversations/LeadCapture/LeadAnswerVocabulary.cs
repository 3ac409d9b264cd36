using System.Collections.Frozen;

namespace SmbAgent.Conversations.LeadCapture;

/// <summary>
/// The words visitors answer with, in the six languages, written naturally and folded once (see <see cref="AnswerText"/>).
/// Skip phrases and date words are recognised in every language (visitors switch languages mid-chat and the words
/// don't collide); number words only in the conversation's language, because short ones do collide ("sei", "null").
/// </summary>
internal static class LeadAnswerVocabulary
{
    /// <summary>A clear wish not to answer: never taken as the answer itself, even to a free-text question.</summary>
    public static readonly FrozenSet<string> ExplicitSkips = Fold(
        // en
        "skip", "skip it", "skip this", "skip this one", "pass", "i pass", "i'll pass", "next", "next question",
        "n/a", "na", "not applicable", "rather not", "i'd rather not", "i'd rather not say", "rather not say",
        "prefer not to say", "i prefer not to say", "i'd prefer not to", "i'd prefer not to say", "prefer not to answer",
        "i don't want to say", "i don't want to answer", "no comment",
        // es
        "saltar", "omitir", "paso", "siguiente", "prefiero no", "prefiero no decirlo", "prefiero no responder",
        "prefiero no contestar", "no quiero decirlo", "no quiero responder", "no aplica", "sin comentarios",
        // fr
        "passer", "je passe", "sauter", "suivant", "question suivante", "je préfère ne pas", "je préfère ne pas répondre",
        "je préfère ne pas le dire", "je ne veux pas le dire", "je ne veux pas répondre", "sans objet", "non applicable",
        "pas de commentaire",
        // de
        "überspringen", "weiter", "nächste frage", "lieber nicht", "möchte ich nicht sagen", "das möchte ich nicht sagen",
        "ich möchte nicht antworten", "keine angabe", "k.a.", "k. a.", "nicht zutreffend", "entfällt", "kein kommentar",
        // it
        "salta", "saltare", "passo", "avanti", "prossima", "prossima domanda", "preferisco di no", "preferisco non dirlo",
        "preferisco non rispondere", "non voglio dirlo", "non voglio rispondere", "non applicabile", "nessun commento",
        // pt
        "pular", "passo", "próxima", "próxima pergunta", "prefiro não", "prefiro não dizer", "prefiro não responder",
        "não quero dizer", "não quero responder", "não se aplica", "sem comentários");

    /// <summary>
    /// "No", "none", "I don't know": a skip for an optional question, but to a required free-text question they can be
    /// the honest answer ("Is anyone hurt?" — "no"), so there they are kept as text.
    /// </summary>
    public static readonly FrozenSet<string> SoftSkips = Fold(
        "no", "nope", "none", "nothing", "not really", "i don't know", "don't know", "dunno", "idk",
        "ninguno", "ninguna", "nada", "no sé",
        "non", "aucun", "aucune", "rien", "je ne sais pas", "je sais pas",
        "nein", "kein", "keine", "keins", "nichts", "weiß nicht", "ich weiß nicht", "weiss nicht",
        "nessuno", "nessuna", "niente", "nulla", "non lo so", "non so",
        "não", "nenhum", "nenhuma", "não sei");

    /// <summary>Courtesies around a skip ("no thanks", "skip please") that don't change its meaning.</summary>
    public static readonly FrozenSet<string> Courtesies = Fold(
        "please", "pls", "thanks", "thank you", "thx", "ok", "okay", "sorry",
        "por favor", "gracias", "lo siento",
        "merci", "s'il vous plaît", "svp", "désolé", "désolée",
        "bitte", "danke", "entschuldigung",
        "per favore", "grazie", "scusa",
        "obrigado", "obrigada", "desculpe");

    /// <summary>Days from today. Multi-word entries are matched before their last word ("day after tomorrow" before "tomorrow").</summary>
    public static readonly FrozenDictionary<string, int> RelativeDays = new Dictionary<string, int>
    {
        ["today"] = 0, ["tonight"] = 0, ["tomorrow"] = 1, ["day after tomorrow"] = 2, ["the day after tomorrow"] = 2,
        ["hoy"] = 0, ["mañana"] = 1, ["pasado mañana"] = 2,
        ["aujourd'hui"] = 0, ["ce soir"] = 0, ["demain"] = 1, ["après-demain"] = 2,
        ["heute"] = 0, ["morgen"] = 1, ["übermorgen"] = 2,
        ["oggi"] = 0, ["stasera"] = 0, ["domani"] = 1, ["dopodomani"] = 2,
        ["hoje"] = 0, ["amanhã"] = 1, ["depois de amanhã"] = 2,
    }.ToFrozenDictionary(p => AnswerText.Fold(p.Key), p => p.Value);

    public static readonly FrozenDictionary<string, DayOfWeek> Weekdays = new Dictionary<string, DayOfWeek>
    {
        ["monday"] = DayOfWeek.Monday, ["tuesday"] = DayOfWeek.Tuesday, ["wednesday"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday, ["friday"] = DayOfWeek.Friday, ["saturday"] = DayOfWeek.Saturday, ["sunday"] = DayOfWeek.Sunday,
        ["lunes"] = DayOfWeek.Monday, ["martes"] = DayOfWeek.Tuesday, ["miércoles"] = DayOfWeek.Wednesday,
        ["jueves"] = DayOfWeek.Thursday, ["viernes"] = DayOfWeek.Friday, ["sábado"] = DayOfWeek.Saturday, ["domingo"] = DayOfWeek.Sunday,
        ["lundi"] = DayOfWeek.Monday, ["mardi"] = DayOfWeek.Tuesday, ["mercredi"] = DayOfWeek.Wednesday,
        ["jeudi"] = DayOfWeek.Thursday, ["vendredi"] = DayOfWeek.Friday, ["samedi"] = DayOfWeek.Saturday, ["dimanche"] = DayOfWeek.Sunday,
        ["montag"] = DayOfWeek.Monday, ["dienstag"] = DayOfWeek.Tuesday, ["mittwoch"] = DayOfWeek.Wednesday,
        ["donnerstag"] = DayOfWeek.Thursday, ["freitag"] = DayOfWeek.Friday, ["samstag"] = DayOfWeek.Saturday,
        ["sonnabend"] = DayOfWeek.Saturday, ["sonntag"] = DayOfWeek.Sunday,
        ["lunedì"] = DayOfWeek.Monday, ["martedì"] = DayOfWeek.Tuesday, ["mercoledì"] = DayOfWeek.Wednesday,
        ["giovedì"] = DayOfWeek.Thursday, ["venerdì"] = DayOfWeek.Friday, ["sabato"] = DayOfWeek.Saturday, ["domenica"] = DayOfWeek.Sunday,
        ["segunda-feira"] = DayOfWeek.Monday, ["terça-feira"] = DayOfWeek.Tuesday, ["quarta-feira"] = DayOfWeek.Wednesday,
        ["quinta-feira"] = DayOfWeek.Thursday, ["sexta-feira"] = DayOfWeek.Friday,
        ["segunda"] = DayOfWeek.Monday, ["terça"] = DayOfWeek.Tuesday, ["quarta"] = DayOfWeek.Wednesday,
        ["quinta"] = DayOfWeek.Thursday, ["sexta"] = DayOfWeek.Friday,
    }.ToFrozenDictionary(p => AnswerText.Fold(p.Key), p => p.Value);

    /// <summary>
    /// Month names and the usual abbreviations. Abbreviations that are common words elsewhere ("out", "set" in English)
    /// are harmless: a month word only counts next to a day number.
    /// </summary>
    public static readonly FrozenDictionary<string, int> Months = BuildMonths(
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"],
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
        ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
        ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"],
        ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
        ["janv", "févr", "mars", "avr", "mai", "juin", "juil", "août", "sept", "oct", "nov", "déc"],
        ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"],
        ["jan", "feb", "mrz", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "dez"],
        ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
        ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"],
        ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
        ["jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez"]);

    /// <summary>Words that may sit between a day number and its month or year ("24 de diciembre", "the 3rd of May").</summary>
    public static readonly FrozenSet<string> DateFillers = Fold("of", "the", "de", "del", "do", "da", "le", "il", "den", "am");

    /// <summary>Number words zero to ten, by language.</summary>
    public static readonly FrozenDictionary<string, FrozenDictionary<string, int>> NumberWords = new Dictionary<string, FrozenDictionary<string, int>>
    {
        ["en"] = Numbers(["zero"], ["one"], ["two"], ["three"], ["four"], ["five"], ["six"], ["seven"], ["eight"], ["nine"], ["ten"]),
        ["es"] = Numbers(["cero"], ["uno"], ["dos"], ["tres"], ["cuatro"], ["cinco"], ["seis"], ["siete"], ["ocho"], ["nueve"], ["diez"]),
        ["fr"] = Numbers(["zéro"], [], ["deux"], ["trois"], ["quatre"], ["cinq"], ["six"], ["sept"], ["huit"], ["neuf"], ["dix"]),
        ["de"] = Numbers(["null"], ["eins"], ["zwei"], ["drei"], ["vier"], ["fünf"], ["sechs"], ["sieben"], ["acht"], ["neun"], ["zehn"]),
        ["it"] = Numbers(["zero"], ["uno"], ["due"], ["tre"], ["quattro"], ["cinque"], ["sei"], ["sette"], ["otto"], ["nove"], ["dieci"]),
        ["pt"] = Numbers(["zero"], [], ["dois", "duas"], ["três"], ["quatro"], ["cinco"], ["seis"], ["sete"], ["oito"], ["nove"], ["dez"]),
    }.ToFrozenDictionary();

    /// <summary>
    /// "One" that is also the indefinite article ("une", "ein", "uma"): one only when it is the whole answer, because
    /// inside a sentence it is an article far more often ("ein paar" is "a few", "une dizaine" "about ten").
    /// </summary>
    public static readonly FrozenDictionary<string, FrozenSet<string>> ArticleOnes = new Dictionary<string, FrozenSet<string>>
    {
        ["es"] = Fold("un", "una"),
        ["fr"] = Fold("un", "une"),
        ["de"] = Fold("ein", "eine"),
        ["it"] = Fold("un", "una"),
        ["pt"] = Fold("um", "uma"),
    }.ToFrozenDictionary();

    /// <summary>Words that may precede an option's number ("option 2", "número 2").</summary>
    public static readonly FrozenSet<string> OptionNumberWords = Fold(
        "option", "choice", "number", "opción", "opcion", "número", "numero", "nummer", "nr", "opzione", "opção", "alternativa");

    private static FrozenSet<string> Fold(params string[] phrases) => phrases.Select(AnswerText.Fold).ToFrozenSet();

    private static FrozenDictionary<string, int> BuildMonths(params string[][] lists)
    {
        var months = new Dictionary<string, int>();
        foreach (var list in lists)
        {
            for (var i = 0; i < list.Length; i++)
            {
                months[AnswerText.Fold(list[i])] = i + 1;
            }
        }

        return months.ToFrozenDictionary();
    }

    private static FrozenDictionary<string, int> Numbers(params string[][] wordsByValue)
    {
        var numbers = new Dictionary<string, int>();
        for (var value = 0; value < wordsByValue.Length; value++)
        {
            foreach (var word in wordsByValue[value])
            {
                numbers[AnswerText.Fold(word)] = value;
            }
        }

        return numbers.ToFrozenDictionary();
    }
}
