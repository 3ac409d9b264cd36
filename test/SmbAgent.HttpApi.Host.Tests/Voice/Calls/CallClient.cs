using System.Diagnostics;
using System.Net;
using System.Xml.Linq;
using SmbAgent.TestKit.Twilio;

namespace SmbAgent.HttpApi.Tests.Voice.Calls;

/// <summary>
/// One call as Twilio makes it over HTTP: signed form posts to the incoming webhook, then to whatever the last answer's
/// gather or redirect names. Each answer must be a 200 of well-formed XML.
/// </summary>
public sealed class CallClient(TwilioWebhookClient webhooks, string to, string from = CallClient.Caller)
{
    public const string Caller = "+14155550199";

    public string CallSid { get; } = TwilioSigner.NewSid("CA");

    public XDocument? Last { get; private set; }

    /// <summary>The raw TwiML of the last answer, as Twilio received it.</summary>
    public string LastText { get; private set; } = string.Empty;

    /// <summary>Each webhook's round trip through the test server, in order: what Twilio would wait for.</summary>
    public List<(string Path, TimeSpan Elapsed)> Timings { get; } = [];

    public Task<XDocument> IncomingAsync(TwilioWebhookClient? via = null) => PostAsync(via, "/api/voice/incoming", []);

    public Task<XDocument> SayAsync(string speech, TwilioWebhookClient? via = null) =>
        PostAsync(via, Action(), new() { ["SpeechResult"] = speech, ["Confidence"] = "0.92" });

    public Task<XDocument> PressAsync(string digits, TwilioWebhookClient? via = null) => PostAsync(via, Action(), new() { ["Digits"] = digits });

    public Task<XDocument> SilenceAsync(TwilioWebhookClient? via = null) =>
        PostAsync(via, (Twiml.Redirect(Current()) ?? throw new InvalidOperationException("No redirect after the gather.")).PathAndQuery, []);

    public async Task<HttpResponseMessage> PostRawAsync(string pathAndQuery, Dictionary<string, string> fields, TwilioWebhookClient? via = null)
    {
        var client = via ?? webhooks;
        var form = client.CallForm(CallSid, from, to);
        foreach (var (name, value) in fields)
        {
            form[name] = value;
        }

        return await client.PostAsync(pathAndQuery, form);
    }

    /// <summary>The path and query the last gather posts its result to.</summary>
    public string Action() => (Twiml.GatherAction(Current()) ?? throw new InvalidOperationException("The call isn't listening.")).PathAndQuery;

    public async Task<XDocument> PostAsync(TwilioWebhookClient? via, string pathAndQuery, Dictionary<string, string> fields)
    {
        var watch = Stopwatch.StartNew();
        using var response = await PostRawAsync(pathAndQuery, fields, via);
        Timings.Add((pathAndQuery.Split('?')[0], watch.Elapsed));
        LastText = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, LastText);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/xml");
        Last = XDocument.Parse(LastText);
        return Last;
    }

    private XDocument Current() => Last ?? throw new InvalidOperationException("The call hasn't started.");
}
