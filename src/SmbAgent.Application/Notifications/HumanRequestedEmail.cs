using System.Text;
using System.Xml.Linq;
using SmbAgent.Emailing;

namespace SmbAgent.Notifications;

/// <summary>
/// The owner's email when a visitor asks for a person: what the visitor last wrote and the link to take the chat over.
/// The HTML part is an element tree whose writer encodes every value a visitor typed; the subject carries none of them.
/// </summary>
public static class HumanRequestedEmail
{
    /// <summary>What the visitor said last, so the owner knows what the chat is about before opening it.</summary>
    public const int QuotedVisitorMessages = 3;

    public const string Headline = "A visitor on your website asked to talk to a person.";

    public static EmailMessage Create(string to, string businessName, IReadOnlyList<string> visitorMessages, Uri conversationLink)
    {
        var subject = $"A visitor wants to talk to someone at {businessName}";
        var text = new StringBuilder()
            .AppendLine(Headline)
            .AppendLine()
            .AppendLine("Open the conversation to answer them live:")
            .AppendLine(conversationLink.AbsoluteUri)
            .AppendLine();
        if (visitorMessages.Count > 0)
        {
            text.AppendLine("They wrote:");
            foreach (var message in visitorMessages)
            {
                text.Append("> ").AppendLine(message);
            }
        }

        var html = new XElement("div",
            new XElement("p", new XElement("strong", Headline)),
            new XElement("p", new XElement("a", new XAttribute("href", conversationLink.AbsoluteUri), "Open the conversation to answer them live")),
            visitorMessages.Count == 0
                ? null
                : new XElement("div",
                    new XElement("p", "They wrote:"),
                    visitorMessages.Select(m => new XElement("blockquote", m))));
        return new EmailMessage(to, subject, text.ToString(), html.ToString(SaveOptions.DisableFormatting));
    }
}
