using System.Globalization;
using PhoneNumbers;

namespace SmbAgent.Conversations.Voice;

/// <summary>
/// The call's own sentences around the agent's replies (<see cref="AgentTexts"/> in voice words): what a phone line
/// says when it hears nothing, puts a caller through, takes a message or offers the keypad. The chat has none of
/// these, so they live beside the replies' words rather than in them. Fixed, like the replies: only values the server
/// chose (a choice the owner wrote, the caller's number from Twilio) go into their placeholders.
/// </summary>
/// <param name="Choices">{0} the choices to say ("Buy, Sell or Rent"), {1} the keys to press ("1 for Buy, 2 for Sell…").</param>
/// <param name="PressFor">One key of <paramref name="Choices"/>: {0} the digit, {1} the choice.</param>
/// <param name="CallerNumber">{0} the caller's number, digit by digit.</param>
/// <param name="YesNo">The words a speech recogniser should expect for a yes or a no, comma-separated.</param>
public sealed record CallTexts(
    string Reprompt,
    string Goodbye,
    string AfterHours,
    string NotServing,
    string PuttingThrough,
    string LeaveMessage,
    string NoAnswer,
    string Choices,
    string PressFor,
    string CallerNumber,
    string Wait,
    string Trouble,
    string YesNo)
{
    public static CallTexts For(string language) => All.TryGetValue(language, out var texts) ? texts : All["en"];

    /// <summary>"You can say Buy, Sell or Rent, or press 1 for Buy, 2 for Sell, 3 for Rent."</summary>
    public string ChoicesOf(IReadOnlyList<string> choices, string or)
    {
        var said = choices.Count == 1 ? choices[0] : $"{string.Join(", ", choices.Take(choices.Count - 1))} {or} {choices[^1]}";
        var pressed = string.Join(", ", choices.Select((choice, i) => string.Format(CultureInfo.InvariantCulture, PressFor, i + 1, choice)));
        return string.Format(CultureInfo.InvariantCulture, Choices, said, pressed);
    }

    /// <summary>The offer of the caller's number (E.164), read in its country's groups so it can be followed.</summary>
    public string CallerNumberOf(string phone) => string.Format(CultureInfo.InvariantCulture, CallerNumber, SpokenPhone.Of(Grouped(phone)));

    private static string Grouped(string phone)
    {
        try
        {
            var numbers = PhoneNumberUtil.GetInstance();
            return numbers.Format(numbers.Parse(phone, null), PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return phone;
        }
    }

    private static readonly Dictionary<string, CallTexts> All = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = new(
            Reprompt: "Sorry, I didn't catch that.",
            Goodbye: "Thank you for calling. Goodbye.",
            AfterHours: "We're closed right now, but I can answer your questions or take your details so the team can call you back.",
            NotServing: "Thank you for calling. Our assistant can't take this call right now.",
            PuttingThrough: "Please hold while I put you through.",
            LeaveMessage: "Please leave your name, your number and a short message after the tone.",
            NoAnswer: "I'm sorry, no one could take your call.",
            Choices: "You can say {0}, or press {1}.",
            PressFor: "{0} for {1}",
            CallerNumber: "Is {0} the best number to reach you? Say yes, or say another number.",
            Wait: "One moment, please.",
            Trouble: "I'm sorry, something went wrong on our side.",
            YesNo: "yes, no"),
        ["es"] = new(
            Reprompt: "Perdone, no le he entendido.",
            Goodbye: "Gracias por llamar. Adiós.",
            AfterHours: "Ahora estamos cerrados, pero puedo responder a sus preguntas o tomar sus datos para que el equipo le devuelva la llamada.",
            NotServing: "Gracias por llamar. Nuestro asistente no puede atender esta llamada ahora.",
            PuttingThrough: "Espere un momento, le paso la llamada.",
            LeaveMessage: "Deje su nombre, su número y un breve mensaje después de la señal.",
            NoAnswer: "Lo siento, nadie ha podido atender su llamada.",
            Choices: "Puede decir {0}, o pulsar {1}.",
            PressFor: "{0} para {1}",
            CallerNumber: "¿Es el {0} el mejor número para contactarle? Diga sí, o diga otro número.",
            Wait: "Un momento, por favor.",
            Trouble: "Lo siento, algo ha fallado por nuestra parte.",
            YesNo: "sí, no"),
        ["fr"] = new(
            Reprompt: "Désolé, je n'ai pas compris.",
            Goodbye: "Merci de votre appel. Au revoir.",
            AfterHours: "Nous sommes fermés pour le moment, mais je peux répondre à vos questions ou noter vos coordonnées pour que l'équipe vous rappelle.",
            NotServing: "Merci de votre appel. Notre assistant ne peut pas prendre cet appel pour le moment.",
            PuttingThrough: "Veuillez patienter, je vous mets en relation.",
            LeaveMessage: "Laissez votre nom, votre numéro et un court message après le bip.",
            NoAnswer: "Désolé, personne n'a pu prendre votre appel.",
            Choices: "Vous pouvez dire {0}, ou appuyer sur {1}.",
            PressFor: "{0} pour {1}",
            CallerNumber: "Le {0} est-il le meilleur numéro pour vous joindre ? Dites oui, ou dites un autre numéro.",
            Wait: "Un instant, s'il vous plaît.",
            Trouble: "Désolé, un problème est survenu de notre côté.",
            YesNo: "oui, non"),
        ["de"] = new(
            Reprompt: "Entschuldigung, das habe ich nicht verstanden.",
            Goodbye: "Danke für Ihren Anruf. Auf Wiederhören.",
            AfterHours: "Wir haben gerade geschlossen, aber ich kann Ihre Fragen beantworten oder Ihre Kontaktdaten aufnehmen, damit das Team Sie zurückruft.",
            NotServing: "Danke für Ihren Anruf. Unser Assistent kann diesen Anruf gerade nicht annehmen.",
            PuttingThrough: "Einen Moment bitte, ich verbinde Sie.",
            LeaveMessage: "Bitte hinterlassen Sie nach dem Signalton Ihren Namen, Ihre Nummer und eine kurze Nachricht.",
            NoAnswer: "Leider konnte niemand Ihren Anruf annehmen.",
            Choices: "Sie können {0} sagen, oder {1} drücken.",
            PressFor: "die {0} für {1}",
            CallerNumber: "Ist {0} die beste Nummer, um Sie zu erreichen? Sagen Sie ja, oder nennen Sie eine andere Nummer.",
            Wait: "Einen Moment bitte.",
            Trouble: "Entschuldigung, bei uns ist etwas schiefgelaufen.",
            YesNo: "ja, nein"),
        ["it"] = new(
            Reprompt: "Mi scusi, non ho capito.",
            Goodbye: "Grazie per la chiamata. Arrivederci.",
            AfterHours: "Ora siamo chiusi, ma posso rispondere alle sue domande o prendere i suoi recapiti così il team la richiama.",
            NotServing: "Grazie per la chiamata. Il nostro assistente non può rispondere a questa chiamata ora.",
            PuttingThrough: "Attenda in linea, la metto in contatto.",
            LeaveMessage: "Lasci il suo nome, il suo numero e un breve messaggio dopo il segnale acustico.",
            NoAnswer: "Mi dispiace, nessuno ha potuto rispondere alla sua chiamata.",
            Choices: "Può dire {0}, oppure premere {1}.",
            PressFor: "{0} per {1}",
            CallerNumber: "Il {0} è il numero migliore per contattarla? Dica sì, oppure dica un altro numero.",
            Wait: "Un momento, per favore.",
            Trouble: "Mi dispiace, qualcosa non ha funzionato da parte nostra.",
            YesNo: "sì, no"),
        ["pt"] = new(
            Reprompt: "Desculpe, não percebi.",
            Goodbye: "Obrigado pela sua chamada. Adeus.",
            AfterHours: "Estamos fechados agora, mas posso responder às suas perguntas ou anotar os seus dados para que a equipa lhe ligue de volta.",
            NotServing: "Obrigado pela sua chamada. O nosso assistente não pode atender esta chamada agora.",
            PuttingThrough: "Aguarde um momento, vou passar a chamada.",
            LeaveMessage: "Deixe o seu nome, o seu número e uma breve mensagem depois do sinal.",
            NoAnswer: "Desculpe, ninguém pôde atender a sua chamada.",
            Choices: "Pode dizer {0}, ou carregar {1}.",
            PressFor: "no {0} para {1}",
            CallerNumber: "O {0} é o melhor número para o contactar? Diga sim, ou diga outro número.",
            Wait: "Um momento, por favor.",
            Trouble: "Desculpe, algo correu mal do nosso lado.",
            YesNo: "sim, não"),
    };
}
