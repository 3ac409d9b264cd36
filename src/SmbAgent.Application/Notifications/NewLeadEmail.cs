using System.Text;
using System.Xml.Linq;
using SmbAgent.Conversations;
using SmbAgent.Emailing;
using SmbAgent.Leads;

namespace SmbAgent.Notifications;

/// <summary>
/// The owner's email about a new lead: priority in the subject, every answer listed. The HTML part is built as an
/// element tree whose writer encodes every value a visitor typed; the subject carries none of them.
/// </summary>
public static class NewLeadEmail
{
    public static EmailMessage Create(string to, string businessName, Lead lead)
    {
        var subject = $"[{lead.Priority.ToString().ToUpperInvariant()}] New lead for {businessName}";
        var rows = Rows(lead).ToList();

        var text = new StringBuilder()
            .AppendLine(Headline(lead))
            .AppendLine();
        foreach (var (label, value) in rows)
        {
            text.Append(label).Append(": ").AppendLine(value);
        }


        var html = new XElement("div",
            new XElement("p", new XElement("strong", Headline(lead))),
            new XElement("table", rows.Select(r => new XElement("tr",
                new XElement("th", new XAttribute("align", "left"), r.Label),
                new XElement("td", r.Value)))));
        return new EmailMessage(to, subject, text.ToString(), html.ToString(SaveOptions.DisableFormatting));
    }

    private static string Headline(Lead lead) =>
        lead.Priority == LeadPriority.Urgent ? "EMERGENCY: contact this customer now." : "A new lead came in.";

    private static IEnumerable<(string Label, string Value)> Rows(Lead lead)
    {
        yield return ("Priority", lead.Priority.ToString());
        yield return ("Channel", lead.Channel.ToString());
        foreach (var (label, value) in new[] { ("Name", lead.ContactName), ("Email", lead.Email), ("Phone", lead.Phone), ("Address", lead.Address), ("Notes", lead.Notes) })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                yield return (label, value);
            }
        }

        foreach (var answer in lead.Answers)
        {
            yield return (answer.Question, answer.Value ?? "(skipped)");
        }
    }
}
