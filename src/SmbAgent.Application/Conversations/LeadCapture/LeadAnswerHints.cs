using System.Collections.Frozen;
using System.Globalization;

namespace SmbAgent.Conversations.LeadCapture;

/// <summary>
/// Every sentence the validator says to a visitor, in the six conversation languages, in one table so a
/// translator reviews them side by side. Kept short and friendly: they are re-asks, not error reports.
/// </summary>
internal static class LeadAnswerHints
{
    private static readonly FrozenDictionary<string, Texts> ByLanguage = new Dictionary<string, Texts>
    {
        ["en"] = new(
            Required: "We need this one to help you, so it can't be skipped — could you answer it, please?",
            Email: "That doesn't look like an email address — could you check it? For example: name@example.com",
            Phone: "That doesn't look like a complete phone number — could you check it? For example: {0}",
            Date: "I couldn't read that as a date — could you write it like {0}, or say \"tomorrow\" or a day such as \"Monday\"?",
            Number: "Could you answer with a single number? For example: 3",
            ChoiceNoMatch: "Please pick one of these: {0}",
            ChoiceAmbiguous: "Which one do you mean? Please pick just one: {0}",
            TooLong: "That's a bit long — could you keep it under {0} characters?"),
        ["es"] = new(
            Required: "Necesitamos este dato para ayudarte, así que no se puede omitir. ¿Podrías responder, por favor?",
            Email: "Eso no parece una dirección de correo electrónico. ¿Podrías revisarla? Por ejemplo: nombre@example.com",
            Phone: "Eso no parece un número de teléfono completo. ¿Podrías revisarlo? Por ejemplo: {0}",
            Date: "No he podido entender esa fecha. ¿Podrías escribirla como {0}, o decir «mañana» o un día como «lunes»?",
            Number: "¿Podrías responder con un solo número? Por ejemplo: 3",
            ChoiceNoMatch: "Por favor, elige una de estas opciones: {0}",
            ChoiceAmbiguous: "¿A cuál te refieres? Elige solo una, por favor: {0}",
            TooLong: "Es un poco largo. ¿Podrías resumirlo en menos de {0} caracteres?"),
        ["fr"] = new(
            Required: "Nous avons besoin de cette information pour vous aider, on ne peut donc pas la passer. Pourriez-vous répondre, s'il vous plaît ?",
            Email: "Cela ne ressemble pas à une adresse e-mail. Pourriez-vous la vérifier ? Par exemple : nom@example.com",
            Phone: "Cela ne ressemble pas à un numéro de téléphone complet. Pourriez-vous le vérifier ? Par exemple : {0}",
            Date: "Je n'ai pas compris cette date. Pourriez-vous l'écrire comme {0}, ou dire « demain » ou un jour comme « lundi » ?",
            Number: "Pourriez-vous répondre avec un seul nombre ? Par exemple : 3",
            ChoiceNoMatch: "Merci de choisir l'une de ces options : {0}",
            ChoiceAmbiguous: "Laquelle voulez-vous dire ? Merci d'en choisir une seule : {0}",
            TooLong: "C'est un peu long. Pourriez-vous le raccourcir à moins de {0} caractères ?"),
        ["de"] = new(
            Required: "Diese Angabe brauchen wir, um Ihnen zu helfen, deshalb kann sie nicht übersprungen werden. Könnten Sie bitte antworten?",
            Email: "Das sieht nicht nach einer E-Mail-Adresse aus. Könnten Sie sie prüfen? Zum Beispiel: name@example.com",
            Phone: "Das sieht nicht nach einer vollständigen Telefonnummer aus. Könnten Sie sie prüfen? Zum Beispiel: {0}",
            Date: "Dieses Datum konnte ich nicht lesen. Könnten Sie es wie {0} schreiben oder „morgen“ oder einen Tag wie „Montag“ sagen?",
            Number: "Könnten Sie mit einer einzigen Zahl antworten? Zum Beispiel: 3",
            ChoiceNoMatch: "Bitte wählen Sie eine dieser Möglichkeiten: {0}",
            ChoiceAmbiguous: "Welche meinen Sie? Bitte wählen Sie nur eine: {0}",
            TooLong: "Das ist etwas lang. Könnten Sie es auf weniger als {0} Zeichen kürzen?"),
        ["it"] = new(
            Required: "Ci serve questa informazione per aiutarti, quindi non si può saltare. Potresti rispondere, per favore?",
            Email: "Non sembra un indirizzo email. Potresti controllarlo? Per esempio: nome@example.com",
            Phone: "Non sembra un numero di telefono completo. Potresti controllarlo? Per esempio: {0}",
            Date: "Non sono riuscito a leggere questa data. Potresti scriverla come {0}, oppure dire «domani» o un giorno come «lunedì»?",
            Number: "Potresti rispondere con un solo numero? Per esempio: 3",
            ChoiceNoMatch: "Scegli una di queste opzioni, per favore: {0}",
            ChoiceAmbiguous: "Quale intendi? Scegline solo una, per favore: {0}",
            TooLong: "È un po' lungo. Potresti accorciarlo a meno di {0} caratteri?"),
        ["pt"] = new(
            Required: "Precisamos desta informação para ajudar, por isso não dá para pular. Poderia responder, por favor?",
            Email: "Isso não parece um endereço de e-mail. Poderia verificar? Por exemplo: nome@example.com",
            Phone: "Isso não parece um número de telefone completo. Poderia verificar? Por exemplo: {0}",
            Date: "Não consegui entender essa data. Poderia escrevê-la como {0}, ou dizer “amanhã” ou um dia como “segunda-feira”?",
            Number: "Poderia responder com um único número? Por exemplo: 3",
            ChoiceNoMatch: "Por favor, escolha uma destas opções: {0}",
            ChoiceAmbiguous: "Qual delas? Escolha apenas uma, por favor: {0}",
            TooLong: "Ficou um pouco longo. Poderia resumir em menos de {0} caracteres?"),
    }.ToFrozenDictionary();

    public static bool Supports(string language) => ByLanguage.ContainsKey(language);

    public static string Required(string language) => For(language).Required;

    public static string Email(string language) => For(language).Email;

    public static string Phone(string language, string example) => Format(For(language).Phone, example);

    public static string Date(string language, string example) => Format(For(language).Date, example);

    public static string Number(string language) => For(language).Number;

    public static string ChoiceNoMatch(string language, IReadOnlyList<string> options) => Format(For(language).ChoiceNoMatch, List(options));

    public static string ChoiceAmbiguous(string language, IReadOnlyList<string> options) => Format(For(language).ChoiceAmbiguous, List(options));

    public static string TooLong(string language, int maxLength) =>
        Format(For(language).TooLong, maxLength.ToString(CultureInfo.GetCultureInfo(language)));

    /// <summary>Numbered, so the visitor can answer with the number (the choice reader accepts "2").</summary>
    private static string List(IReadOnlyList<string> options) => string.Join(", ", options.Select((o, i) => $"{i + 1}) {o}"));

    private static Texts For(string language) => ByLanguage.TryGetValue(language, out var texts) ? texts : ByLanguage["en"];

    private static string Format(string template, string value) => string.Format(CultureInfo.InvariantCulture, template, value);

    private sealed record Texts(
        string Required,
        string Email,
        string Phone,
        string Date,
        string Number,
        string ChoiceNoMatch,
        string ChoiceAmbiguous,
        string TooLong);
}
