using System.Diagnostics;
using System.Net;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.TestKit;
using SmbAgent.TestKit.Stubs;
using SmbAgent.TestKit.Twilio;

namespace SmbAgent.Bench.Voice;

/// <summary>
/// The real API host (its Program, in process through the test server, with the local provider and its job server)
/// answering signed Twilio webhooks, timed by the client around each request; and the emergency ladder's first call.
/// </summary>
public static class VoiceBench
{
    private const double PollIntervalSeconds = 0.5;
    private const double GoalMs = 300;

    public static async Task<int> Main(string[] args)
    {
        var settings = BenchSettings.Parse(args);
        await using var twilio = await TwilioStubServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync("voicebench");
        await database.MigrateAsync();
        var overrides = new Dictionary<string, string?>(twilio.ClientSettings())
        {
            ["Jobs:PollIntervalSeconds"] = PollIntervalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // The bench is one caller address and a few numbers: the limits would answer instead of the engine.
            ["RateLimits:VoiceWebhooksPerMinutePerCaller"] = "1000000",
            ["RateLimits:VoiceWebhooksPerMinutePerNumber"] = "1000000",
            ["RateLimits:ConversationsPerHourPerAddress"] = "1000000",
            ["RateLimits:ConversationsPerMinutePerBusiness"] = "1000000",
            ["RateLimits:MessagesPerMinutePerConversation"] = "1000000",
            // Only the first contact's call is measured; a long timeout keeps the ladder from ringing the next one.
            ["EmergencyAlerts:AcknowledgeTimeout"] = "00:10:00",
        };
        await using var host = new HostFactory<Program>(database, overrides)
        {
            TestServices = services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, BaselineEndpoint>(),
        };
        var services = host.Services;

        Console.WriteLine($"voice bench: {settings.Calls} calls (+{settings.Warmup} warm-up), {settings.Alerts} urgent leads, {Environment.ProcessorCount} cores");
        var line = await VoiceBusinesses.CreateAsync(services, withKnowledge: true);
        var webhooks = TwilioWebhookClient.For(host, line.AccountSid, line.AuthToken);

        var incoming = new List<double>();
        var gather = new List<double>();
        var baseline = new List<double>();
        for (var i = 0; i < settings.Warmup + settings.Calls; i++)
        {
            var measured = i >= settings.Warmup;
            var times = await CallAsync(webhooks, line.Number, $"+1202{i:D7}");
            if (measured)
            {
                incoming.Add(times[0]);
                gather.Add(times[1]);
                gather.Add(times[2]);
                baseline.AddRange(times[3..]);
            }
        }

        var alerts = new List<double>();
        for (var i = 0; i < settings.Alerts; i++)
        {
            var business = await VoiceBusinesses.CreateAsync(services, withKnowledge: false);
            alerts.Add(await UrgentLeadToCallAsync(host.CreateClient(), twilio, business));
        }

        Report(new Percentiles(incoming), new Percentiles(gather), new Percentiles(baseline), new Percentiles(alerts));
        return 0;
    }

    /// <summary>
    /// One call: incoming, a question the FAQ answers, a request that starts the lead questions, each followed by the
    /// baseline posted with the same client and a form of the same shape. Milliseconds: incoming, gather, gather, baseline ×3.
    /// </summary>
    private static async Task<double[]> CallAsync(TwilioWebhookClient webhooks, string to, string from)
    {
        var callSid = TwilioSigner.NewSid("CA");
        var times = new double[6];
        var (elapsed, twiml) = await PostAsync(webhooks, "/api/voice/incoming", webhooks.CallForm(callSid, from, to));
        times[0] = elapsed;
        times[3] = (await PostAsync(webhooks, BaselineEndpoint.Path, webhooks.CallForm(callSid, from, to))).Elapsed;
        (times[1], twiml) = await PostAsync(webhooks, Action(twiml), Speech(webhooks, callSid, from, to, "What are your opening hours?"));
        if (!twiml.Descendants("Say").Any(s => s.Value.Contains("Saturdays", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"The FAQ didn't answer the hours: {twiml}");
        }

        times[4] = (await PostAsync(webhooks, BaselineEndpoint.Path, Speech(webhooks, callSid, from, to, "What are your opening hours?"))).Elapsed;
        (times[2], _) = await PostAsync(webhooks, Action(twiml), Speech(webhooks, callSid, from, to, "Can someone call me back?"));
        times[5] = (await PostAsync(webhooks, BaselineEndpoint.Path, Speech(webhooks, callSid, from, to, "Can someone call me back?"))).Elapsed;
        return times;
    }

    private static Dictionary<string, string> Speech(TwilioWebhookClient webhooks, string callSid, string from, string to, string speech)
    {
        var form = webhooks.CallForm(callSid, from, to);
        form["SpeechResult"] = speech;
        form["Confidence"] = "0.92";
        return form;
    }

    private static string Action(XDocument twiml) =>
        (Twiml.GatherAction(twiml) ?? throw new InvalidOperationException($"The call isn't listening: {twiml}")).PathAndQuery;

    private static async Task<(double Elapsed, XDocument Twiml)> PostAsync(TwilioWebhookClient webhooks, string pathAndQuery, Dictionary<string, string> form)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await webhooks.PostAsync(pathAndQuery, form);
        var text = await response.Content.ReadAsStringAsync();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{pathAndQuery} answered {(int)response.StatusCode}: {text}");
        }

        return (elapsed, XDocument.Parse(text));
    }

    /// <summary>
    /// A chat that reports a flood and answers the emergency's questions, so the lead turns URGENT with the last turn;
    /// milliseconds from that turn's response to the Calls API request for the first contact reaching the stub.
    /// </summary>
    private static async Task<double> UrgentLeadToCallAsync(HttpClient http, TwilioStubServer twilio, VoiceBusiness business)
    {
        var chat = new WidgetChat(http, business.WidgetKey);
        await chat.StartAsync();
        Expect(await chat.SayAsync("My basement is flooding"), "emergency");
        await chat.SayAsync("+1 415 555 0188");
        // Waiting starts before the last turn, so a call placed even before its response is timed when it arrives.
        var arrived = twilio.WaitForCallAsync(c => c.To == business.FirstContact, TimeSpan.FromSeconds(60))
            .ContinueWith(_ => Stopwatch.GetTimestamp(), TaskScheduler.Default);
        Expect(await chat.SayAsync("Water is pouring through the ceiling"), "alerted");
        var responded = Stopwatch.GetTimestamp();
        return Stopwatch.GetElapsedTime(responded, await arrived).TotalMilliseconds;
    }

    private static void Expect(string reply, string word)
    {
        if (!reply.Contains(word, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Expected \"{word}\" in the reply: {reply}");
        }
    }

    private static void Report(Percentiles incoming, Percentiles gather, Percentiles baseline, Percentiles alerts)
    {
        Console.WriteLine();
        Console.WriteLine("=== voice bench summary ===");
        Console.WriteLine("Webhook latency: client time around each in-process request (test server, no sockets), signature checked");
        Console.WriteLine($"  incoming          {incoming}");
        Console.WriteLine($"  gather (turn)     {gather}");
        Console.WriteLine($"  baseline          {baseline}");
        Console.WriteLine($"  incoming/baseline p50 x{incoming.P50 / baseline.P50:F1}   p99 x{incoming.P99 / baseline.P99:F1}");
        Console.WriteLine($"  gather/baseline   p50 x{gather.P50 / baseline.P50:F1}   p99 x{gather.P99 / baseline.P99:F1}");
        Console.WriteLine($"Emergency to owner call (turn's response -> Calls API request at the stub), job poll interval {PollIntervalSeconds} s:");
        Console.WriteLine($"  owner call        {alerts}");
        var pass = Math.Max(incoming.P99, gather.P99) < GoalMs;
        Console.WriteLine($"Goal: webhook p99 under {GoalMs} ms: {(pass ? "PASS" : "FAIL")}");
    }
}
