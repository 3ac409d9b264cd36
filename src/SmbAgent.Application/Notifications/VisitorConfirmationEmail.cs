using System.Globalization;
using System.Text;
using System.Xml.Linq;
using SmbAgent.Emailing;

namespace SmbAgent.Notifications;

/// <summary>
/// The visitor's confirmation of their request, in the conversation's language: thanks, what happens next and the
/// business's phone number. Fixed sentences only: the one thing a visitor typed that it repeats is their own name,
/// and the HTML part is an element tree whose writer encodes it.
/// </summary>
public static class VisitorConfirmationEmail
{
    public static EmailMessage Create(string to, string language, string businessName, string? visitorName, string? businessPhone, bool urgent)
    {
        var texts = Texts.TryGetValue(language, out var own) ? own : Texts["en"];
        var name = string.IsNullOrWhiteSpace(visitorName) ? null : visitorName.Trim();
        string[] paragraphs =
        [
            name is null ? texts.HelloNoName : Format(texts.Hello, name),
            Format(texts.Thanks, businessName),
            urgent ? texts.NextUrgent : texts.Next,
            .. string.IsNullOrWhiteSpace(businessPhone) ? Array.Empty<string>() : [Format(texts.CallUs, businessPhone)],
            texts.Footer,
        ];

        var text = new StringBuilder();
        foreach (var paragraph in paragraphs)
        {
            text.AppendLine(paragraph).AppendLine();
        }

        var html = new XElement("div", paragraphs.Select(p => new XElement("p", p)));
        return new EmailMessage(to, Format(texts.Subject, businessName), text.ToString().TrimEnd() + Environment.NewLine, html.ToString(SaveOptions.DisableFormatting));
    }

    private static string Format(string template, string value) => string.Format(CultureInfo.InvariantCulture, template, value);

    private sealed record ConfirmationTexts(
        string Subject, string Hello, string HelloNoName, string Thanks, string Next, string NextUrgent, string CallUs, string Footer);

    private static readonly Dictionary<string, ConfirmationTexts> Texts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = new(
            Subject: "{0}: we have received your request",
            Hello: "Hello {0},",
            HelloNoName: "Hello,",
            Thanks: "Thank you for contacting {0}. We have received your request and your details.",
            Next: "Our team will review it and get back to you as soon as possible.",
            NextUrgent: "Our team has been alerted and will contact you as fast as possible. If anyone is in danger, call the emergency services.",
            CallUs: "If you need to reach us sooner, call us at {0}.",
            Footer: "You are receiving this email because you left this address in the chat on our website."),
        ["es"] = new(
            Subject: "{0}: hemos recibido su solicitud",
            Hello: "Hola, {0}:",
            HelloNoName: "Hola:",
            Thanks: "Gracias por contactar con {0}. Hemos recibido su solicitud y sus datos.",
            Next: "Nuestro equipo la revisará y se pondrá en contacto con usted lo antes posible.",
            NextUrgent: "Nuestro equipo ha sido avisado y se pondrá en contacto con usted lo antes posible. Si alguien está en peligro, llame a los servicios de emergencia.",
            CallUs: "Si necesita hablar con nosotros antes, llámenos al {0}.",
            Footer: "Recibe este correo porque dejó esta dirección en el chat de nuestro sitio web."),
        ["fr"] = new(
            Subject: "{0} : nous avons bien reçu votre demande",
            Hello: "Bonjour {0},",
            HelloNoName: "Bonjour,",
            Thanks: "Merci d'avoir contacté {0}. Nous avons bien reçu votre demande et vos coordonnées.",
            Next: "Notre équipe va l'examiner et vous recontactera dès que possible.",
            NextUrgent: "Notre équipe a été alertée et vous contactera au plus vite. Si quelqu'un est en danger, appelez les services d'urgence.",
            CallUs: "Pour nous joindre plus tôt, appelez-nous au {0}.",
            Footer: "Vous recevez cet e-mail parce que vous avez laissé cette adresse dans le chat de notre site."),
        ["de"] = new(
            Subject: "{0}: Wir haben Ihre Anfrage erhalten",
            Hello: "Hallo {0},",
            HelloNoName: "Hallo,",
            Thanks: "Vielen Dank, dass Sie {0} kontaktiert haben. Wir haben Ihre Anfrage und Ihre Angaben erhalten.",
            Next: "Unser Team prüft sie und meldet sich so bald wie möglich bei Ihnen.",
            NextUrgent: "Unser Team wurde alarmiert und meldet sich so schnell wie möglich bei Ihnen. Wenn jemand in Gefahr ist, rufen Sie den Notruf.",
            CallUs: "Wenn Sie uns früher erreichen möchten, rufen Sie uns unter {0} an.",
            Footer: "Sie erhalten diese E-Mail, weil Sie diese Adresse im Chat auf unserer Website angegeben haben."),
        ["it"] = new(
            Subject: "{0}: abbiamo ricevuto la sua richiesta",
            Hello: "Buongiorno {0},",
            HelloNoName: "Buongiorno,",
            Thanks: "Grazie per aver contattato {0}. Abbiamo ricevuto la sua richiesta e i suoi dati.",
            Next: "Il nostro team la esaminerà e la ricontatterà il prima possibile.",
            NextUrgent: "Il nostro team è stato avvisato e la contatterà il prima possibile. Se qualcuno è in pericolo, chiami i servizi di emergenza.",
            CallUs: "Se ha bisogno di contattarci prima, ci chiami al {0}.",
            Footer: "Riceve questa e-mail perché ha lasciato questo indirizzo nella chat del nostro sito."),
        ["pt"] = new(
            Subject: "{0}: recebemos o seu pedido",
            Hello: "Olá {0},",
            HelloNoName: "Olá,",
            Thanks: "Obrigado por contactar {0}. Recebemos o seu pedido e os seus dados.",
            Next: "A nossa equipa vai analisá-lo e entrará em contacto consigo o mais depressa possível.",
            NextUrgent: "A nossa equipa foi alertada e entrará em contacto consigo o mais depressa possível. Se alguém estiver em perigo, ligue para os serviços de emergência.",
            CallUs: "Se precisar de nos contactar antes, ligue-nos para o {0}.",
            Footer: "Recebe este e-mail porque deixou este endereço no chat do nosso site."),
    };
}
