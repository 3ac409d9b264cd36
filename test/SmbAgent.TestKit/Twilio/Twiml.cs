using System.Xml.Linq;

namespace SmbAgent.TestKit.Twilio;

/// <summary>Reads a TwiML answer the way Twilio executes it.</summary>
public static class Twiml
{
    /// <summary>The response's verbs, in order (Gather, Redirect, Say, Dial, Record, Hangup…).</summary>
    public static IReadOnlyList<string> Verbs(XDocument twiml) => [.. twiml.Root!.Elements().Select(e => e.Name.LocalName)];

    /// <summary>Every sentence said, in order, inside a gather or not.</summary>
    public static string Said(XDocument twiml) => string.Join(" ", twiml.Descendants("Say").Select(SaidBy));

    /// <summary>One Say's words: its own text, or its SSML sentences' (a Polly voice's pauses come between them).</summary>
    public static string SaidBy(XElement say) =>
        string.Join(" ", say.DescendantNodes().OfType<XText>().Select(t => t.Value.Trim()).Where(t => t.Length > 0));

    public static XElement? Gather(XDocument twiml) => twiml.Root!.Element("Gather");

    public static Uri? GatherAction(XDocument twiml) => Gather(twiml)?.Attribute("action") is { } action ? new Uri(action.Value) : null;

    public static Uri? Redirect(XDocument twiml) => twiml.Root!.Element("Redirect") is { } redirect ? new Uri(redirect.Value) : null;
}
