using System.Globalization;
using SmbAgent.Conversations.Replies;

namespace SmbAgent.Conversations;

/// <summary>
/// The agent's fixed sentences in each supported language and channel: what is written in a chat (tap, type, the
/// sources named) differs from what is heard on a phone (say, no sources, a call back). Fixed on purpose: they carry
/// the flow (what happens next, the emergency instructions), so no model may reword them and no visitor text is ever
/// spliced into a template except values the engine validated.
/// </summary>
/// <param name="Reask">An answer asked again: {0} the validator's hint, {1} the question.</param>
public sealed partial record AgentTexts(
    string Welcome,
    string NotFound,
    string OfferDetails,
    string AnythingElse,
    string StartDetails,
    string Reask,
    string ThanksOpen,
    string ThanksAfterHours,
    string ThanksAfterHoursUnknown,
    string Emergency,
    string EmergencyCallUs,
    string EmergencyDone,
    string HandOff,
    string Declined,
    string Unavailable,
    string LengthLimit,
    string DidYouMean,
    string Or)
{
    public static IReadOnlyCollection<string> Languages => Chat.Keys;

    public static AgentTexts For(string language, ConversationChannel channel)
    {
        var table = channel == ConversationChannel.Voice ? Voice : Chat;
        return table.TryGetValue(language, out var texts) ? texts : table["en"];
    }

    /// <summary>The fixed sentence an <see cref="InfoReply"/> stands for.</summary>
    public string Info(InfoKind info, string language) => info switch
    {
        InfoKind.Welcome => Welcome,
        InfoKind.StartDetails => StartDetails,
        InfoKind.AnythingElse => AnythingElse,
        InfoKind.Declined => Declined,
        InfoKind.Refusal => Assistant.AssistantTexts.Refusal(language),
        InfoKind.LengthLimit => LengthLimit,
        _ => throw new ArgumentOutOfRangeException(nameof(info), info, "No sentence stands for this kind."),
    };

    /// <summary>"Did you mean X or Y?" for the questions the knowledge answers near the one asked; null when there are none.</summary>
    public string? DidYouMeanAny(IReadOnlyList<string> suggestions) =>
        suggestions.Count == 0
            ? null
            // An FAQ question's own question mark would double the sentence's.
            : string.Format(CultureInfo.InvariantCulture, DidYouMean, string.Join($" {Or} ", suggestions.Select(s => s.TrimEnd('?', ' '))));

    /// <summary>The thanks for a finished lead: the emergency's, the owner's own, or when the team will be in touch.</summary>
    /// <param name="agentLanguage">The agent's own language, whose calendar names the next opening.</param>
    public string Thanks(ThanksReply thanks, string agentLanguage)
    {
        if (thanks.Emergency)
        {
            return EmergencyDone;
        }

        if (!string.IsNullOrWhiteSpace(thanks.CompletionMessage))
        {
            return thanks.CompletionMessage;
        }

        if (thanks.OpenNow)
        {
            return ThanksOpen;
        }

        return thanks.NextOpening is { } opening
            ? string.Format(CultureInfo.InvariantCulture, ThanksAfterHours, opening.ToString("dddd HH:mm", CultureInfo.GetCultureInfo(agentLanguage)))
            : ThanksAfterHoursUnknown;
    }

    private static readonly Dictionary<string, AgentTexts> Chat = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = new(
            Welcome: "Hi! How can I help you today?",
            NotFound: "I'm sorry, I don't have that information.",
            OfferDetails: "Would you like to leave your details so the team can get back to you?",
            AnythingElse: "Is there anything else I can help with?",
            StartDetails: "Sure, I'll take a few details so the team can get back to you.",
            Reask: "{0}\n{1}",
            ThanksOpen: "Thank you! Your request has been passed to the team, who will contact you shortly.",
            ThanksAfterHours: "Thank you! We're closed right now; the team will contact you from {0}.",
            ThanksAfterHoursUnknown: "Thank you! We're closed right now; the team will contact you as soon as we open.",
            Emergency: "This sounds like an emergency. I'm alerting the team right now.",
            EmergencyCallUs: "If you can, also call us at {0}.",
            EmergencyDone: "The team has been alerted and will contact you as fast as possible. If anyone is in danger, call the emergency services.",
            HandOff: "I'll let the team know you'd like to talk to a person.",
            Declined: "No problem. Is there anything else I can help with?",
            Unavailable: "Our chat assistant isn't available right now. Please call us or try again later.",
            LengthLimit: "This conversation has reached its length limit, so I can't take more messages here. Please start a new conversation: I can take your contact details there so the team can get back to you.",
            DidYouMean: "Did you mean: {0}?",
            Or: "or"),
        ["es"] = new(
            Welcome: "¡Hola! ¿En qué puedo ayudarle hoy?",
            NotFound: "Lo siento, no tengo esa información.",
            OfferDetails: "¿Quiere dejar sus datos para que el equipo se ponga en contacto con usted?",
            AnythingElse: "¿Puedo ayudarle en algo más?",
            StartDetails: "Claro, tomaré algunos datos para que el equipo se ponga en contacto con usted.",
            Reask: "{0}\n{1}",
            ThanksOpen: "¡Gracias! Hemos pasado su solicitud al equipo, que se pondrá en contacto con usted en breve.",
            ThanksAfterHours: "¡Gracias! Ahora estamos cerrados; el equipo se pondrá en contacto con usted a partir de {0}.",
            ThanksAfterHoursUnknown: "¡Gracias! Ahora estamos cerrados; el equipo se pondrá en contacto con usted en cuanto abramos.",
            Emergency: "Esto parece una emergencia. Estoy avisando al equipo ahora mismo.",
            EmergencyCallUs: "Si puede, llámenos también al {0}.",
            EmergencyDone: "El equipo ha sido avisado y se pondrá en contacto con usted lo antes posible. Si alguien está en peligro, llame a los servicios de emergencia.",
            HandOff: "Avisaré al equipo de que desea hablar con una persona.",
            Declined: "De acuerdo. ¿Puedo ayudarle en algo más?",
            Unavailable: "Nuestro asistente de chat no está disponible ahora. Llámenos o inténtelo más tarde.",
            LengthLimit: "Esta conversación ha alcanzado su límite de longitud, así que no puedo recibir más mensajes aquí. Inicie una nueva conversación: allí puedo tomar sus datos para que el equipo se ponga en contacto con usted.",
            DidYouMean: "¿Quería decir: {0}?",
            Or: "o"),
        ["fr"] = new(
            Welcome: "Bonjour ! Comment puis-je vous aider ?",
            NotFound: "Désolé, je n'ai pas cette information.",
            OfferDetails: "Souhaitez-vous laisser vos coordonnées pour que l'équipe vous recontacte ?",
            AnythingElse: "Puis-je vous aider pour autre chose ?",
            StartDetails: "Bien sûr, je prends quelques informations pour que l'équipe vous recontacte.",
            Reask: "{0}\n{1}",
            ThanksOpen: "Merci ! Votre demande a été transmise à l'équipe, qui vous contactera rapidement.",
            ThanksAfterHours: "Merci ! Nous sommes fermés pour le moment ; l'équipe vous contactera à partir de {0}.",
            ThanksAfterHoursUnknown: "Merci ! Nous sommes fermés pour le moment ; l'équipe vous contactera dès l'ouverture.",
            Emergency: "Cela ressemble à une urgence. Je préviens l'équipe immédiatement.",
            EmergencyCallUs: "Si vous le pouvez, appelez-nous aussi au {0}.",
            EmergencyDone: "L'équipe a été prévenue et vous contactera au plus vite. Si quelqu'un est en danger, appelez les services d'urgence.",
            HandOff: "Je préviens l'équipe que vous souhaitez parler à une personne.",
            Declined: "Pas de problème. Puis-je vous aider pour autre chose ?",
            Unavailable: "Notre assistant n'est pas disponible pour le moment. Appelez-nous ou réessayez plus tard.",
            LengthLimit: "Cette conversation a atteint sa longueur maximale, je ne peux donc plus recevoir de messages ici. Veuillez démarrer une nouvelle conversation : j'y prendrai vos coordonnées pour que l'équipe vous recontacte.",
            DidYouMean: "Vouliez-vous dire : {0} ?",
            Or: "ou"),
        ["de"] = new(
            Welcome: "Hallo! Wie kann ich Ihnen helfen?",
            NotFound: "Das weiß ich leider nicht.",
            OfferDetails: "Möchten Sie Ihre Kontaktdaten hinterlassen, damit sich das Team bei Ihnen meldet?",
            AnythingElse: "Kann ich Ihnen sonst noch helfen?",
            StartDetails: "Gern, ich nehme ein paar Angaben auf, damit sich das Team bei Ihnen meldet.",
            Reask: "{0}\n{1}",
            ThanksOpen: "Danke! Ihre Anfrage ist an das Team weitergeleitet, es meldet sich in Kürze bei Ihnen.",
            ThanksAfterHours: "Danke! Wir haben gerade geschlossen; das Team meldet sich ab {0} bei Ihnen.",
            ThanksAfterHoursUnknown: "Danke! Wir haben gerade geschlossen; das Team meldet sich, sobald wir öffnen.",
            Emergency: "Das klingt nach einem Notfall. Ich alarmiere das Team sofort.",
            EmergencyCallUs: "Wenn möglich, rufen Sie uns auch unter {0} an.",
            EmergencyDone: "Das Team ist alarmiert und meldet sich so schnell wie möglich. Wenn jemand in Gefahr ist, rufen Sie den Notruf.",
            HandOff: "Ich sage dem Team, dass Sie mit einer Person sprechen möchten.",
            Declined: "Kein Problem. Kann ich Ihnen sonst noch helfen?",
            Unavailable: "Unser Chat-Assistent ist gerade nicht verfügbar. Bitte rufen Sie uns an oder versuchen Sie es später.",
            LengthLimit: "Dieses Gespräch hat seine maximale Länge erreicht, daher kann ich hier keine weiteren Nachrichten annehmen. Bitte beginnen Sie ein neues Gespräch: Dort nehme ich gern Ihre Kontaktdaten auf, damit sich das Team bei Ihnen meldet.",
            DidYouMean: "Meinten Sie: {0}?",
            Or: "oder"),
        ["it"] = new(
            Welcome: "Ciao! Come posso aiutarla?",
            NotFound: "Mi dispiace, non ho questa informazione.",
            OfferDetails: "Vuole lasciare i suoi recapiti così il team la ricontatta?",
            AnythingElse: "Posso aiutarla in altro?",
            StartDetails: "Certo, prendo alcuni dati così il team la ricontatta.",
            Reask: "{0}\n{1}",
            ThanksOpen: "Grazie! La sua richiesta è stata inoltrata al team, che la contatterà a breve.",
            ThanksAfterHours: "Grazie! Ora siamo chiusi; il team la contatterà a partire da {0}.",
            ThanksAfterHoursUnknown: "Grazie! Ora siamo chiusi; il team la contatterà appena apriamo.",
            Emergency: "Sembra un'emergenza. Sto avvisando subito il team.",
            EmergencyCallUs: "Se può, ci chiami anche al {0}.",
            EmergencyDone: "Il team è stato avvisato e la contatterà il prima possibile. Se qualcuno è in pericolo, chiami i servizi di emergenza.",
            HandOff: "Avviso il team che desidera parlare con una persona.",
            Declined: "Nessun problema. Posso aiutarla in altro?",
            Unavailable: "Il nostro assistente non è disponibile ora. Ci chiami o riprovi più tardi.",
            LengthLimit: "Questa conversazione ha raggiunto la lunghezza massima, quindi non posso ricevere altri messaggi qui. Inizi una nuova conversazione: lì posso prendere i suoi recapiti così il team la ricontatta.",
            DidYouMean: "Intendeva: {0}?",
            Or: "o"),
        ["pt"] = new(
            Welcome: "Olá! Como posso ajudar?",
            NotFound: "Desculpe, não tenho essa informação.",
            OfferDetails: "Quer deixar os seus dados para que a equipa entre em contacto?",
            AnythingElse: "Posso ajudar em mais alguma coisa?",
            StartDetails: "Claro, vou recolher alguns dados para que a equipa entre em contacto.",
            Reask: "{0}\n{1}",
            ThanksOpen: "Obrigado! O seu pedido foi enviado à equipa, que entrará em contacto em breve.",
            ThanksAfterHours: "Obrigado! Estamos fechados agora; a equipa entrará em contacto a partir de {0}.",
            ThanksAfterHoursUnknown: "Obrigado! Estamos fechados agora; a equipa entrará em contacto assim que abrirmos.",
            Emergency: "Isto parece uma emergência. Estou a avisar a equipa agora mesmo.",
            EmergencyCallUs: "Se puder, ligue-nos também para {0}.",
            EmergencyDone: "A equipa foi avisada e entrará em contacto o mais depressa possível. Se alguém estiver em perigo, ligue para os serviços de emergência.",
            HandOff: "Vou avisar a equipa de que quer falar com uma pessoa.",
            Declined: "Sem problema. Posso ajudar em mais alguma coisa?",
            Unavailable: "O nosso assistente não está disponível agora. Ligue-nos ou tente mais tarde.",
            LengthLimit: "Esta conversa atingiu o limite de tamanho, por isso não posso receber mais mensagens aqui. Inicie uma nova conversa: aí posso anotar os seus dados para que a equipa entre em contacto.",
            DidYouMean: "Queria dizer: {0}?",
            Or: "ou"),
    };
}
