using System.Diagnostics;
using System.Globalization;
using System.Xml.Linq;

namespace SmbAgent.HttpApi.Voice.Simulator;

/// <summary>
/// Plays a call against the webhooks the way Twilio does: signed form posts for the public API address, the caller's
/// words or keys to each <c>&lt;Gather&gt;</c>'s action, a <c>&lt;Redirect&gt;</c> followed, a recording posted after
/// <c>&lt;Record&gt;</c>, and the final status callback. Prints every TwiML reply; any answer but a 2xx ends it with 1.
/// </summary>
/// <param name="client">Sends to the running API (<c>--api</c>).</param>
/// <param name="publicApi">What the API's signature check expects the URL to start with.</param>
public sealed class CallSimulator(HttpClient client, Uri publicApi, string accountSid, string authToken, TextWriter output, TextReader input)
{
    public const string StatusPath = "/api/voice/status";

    /// <summary>One call from <paramref name="from"/> to the business's <paramref name="to"/>; interactive when <paramref name="inputs"/> is empty.</summary>
    public async Task<int> CallAsync(string to, string from, IReadOnlyList<CallerInput> inputs, CancellationToken cancellationToken = default)
    {
        var call = new Call(accountSid, $"CA{Guid.NewGuid():N}", from, to, "inbound");
        var pending = new Queue<CallerInput>(inputs);
        var interactive = inputs.Count == 0;
        var exit = await FollowAsync(call, "/api/voice/incoming", "ringing", () => NextInput(pending, interactive), cancellationToken);
        return exit != 0 ? exit : await PostStatusAsync(call, StatusPath, cancellationToken);
    }

    /// <summary>Answers an owner alert call the way its callee would: presses <paramref name="press"/> at its first gather.</summary>
    public async Task<int> AnswerOwnerAlertAsync(string callSid, string from, string to, string twiml, Uri? statusCallback, string press, CancellationToken cancellationToken = default)
    {
        var call = new Call(accountSid, callSid, from, to, "outbound-api");
        output.WriteLine(twiml);
        var gather = XDocument.Parse(twiml).Root?.Descendants().FirstOrDefault(e => e.Name.LocalName == "Gather");
        if (gather?.Attribute("action")?.Value is not { } action)
        {
            await output.WriteLineAsync("The alert's TwiML has no gather to press a key at.");
            return 1;
        }

        var pressed = false;
        var exit = await FollowAsync(call, PathOf(action, "/"), "in-progress", () =>
        {
            var first = !pressed;
            pressed = true;
            return first ? new CallerInput(press, IsDigits: true) : null;
        }, cancellationToken, firstInput: true);
        return exit != 0 || statusCallback is null ? exit : await PostStatusAsync(call, statusCallback.PathAndQuery, cancellationToken);
    }

    private async Task<int> FollowAsync(Call call, string path, string status, Func<CallerInput?> next, CancellationToken cancellationToken, bool firstInput = false)
    {
        var form = call.Form(status);
        if (firstInput && next() is { } pressed)
        {
            AddInput(form, pressed);
        }

        for (var step = 0; step < 100; step++)
        {
            var reply = await PostAsync(path, form, cancellationToken);
            if (reply is null)
            {
                return 1;
            }

            var verbs = XDocument.Parse(reply).Root?.Elements().ToList() ?? [];
            var verb = verbs.FirstOrDefault(v => v.Name.LocalName is "Gather" or "Record" or "Redirect" or "Dial" or "Hangup");
            form = call.Form("in-progress");
            switch (verb?.Name.LocalName)
            {
                case "Gather":
                    if (next() is not { } said)
                    {
                        return 0;
                    }

                    AddInput(form, said);
                    path = PathOf(verb.Attribute("action")?.Value, path);
                    break;
                case "Record":
                    var recordingSid = $"RE{Guid.NewGuid():N}";
                    form["RecordingSid"] = recordingSid;
                    form["RecordingUrl"] = $"https://api.twilio.com/2010-04-01/Accounts/{accountSid}/Recordings/{recordingSid}";
                    form["RecordingDuration"] = "5";
                    if (next() is { IsDigits: false } message)
                    {
                        form["TranscriptionText"] = message.Value;
                        form["TranscriptionStatus"] = "completed";
                    }

                    path = PathOf(verb.Attribute("action")?.Value, path);
                    break;
                case "Redirect":
                    path = PathOf(verb.Value, path);
                    break;
                case "Dial":
                    await output.WriteLineAsync($"(the call is put through to {verb.Value.Trim()})");
                    return 0;
                default:
                    return 0;
            }
        }

        await output.WriteLineAsync("The call went on for 100 webhooks without ending.");
        return 1;
    }

    private CallerInput? NextInput(Queue<CallerInput> pending, bool interactive)
    {
        if (!interactive)
        {
            return pending.TryDequeue(out var queued) ? queued : null;
        }

        output.Write("caller> ");
        var line = input.ReadLine()?.Trim();
        return string.IsNullOrEmpty(line) ? null : new CallerInput(line, IsDigits: line.All(c => char.IsAsciiDigit(c) || c is '*' or '#'));
    }

    private async Task<int> PostStatusAsync(Call call, string path, CancellationToken cancellationToken)
    {
        var form = call.Form("completed");
        form["CallDuration"] = ((int)Math.Ceiling(call.Elapsed.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        form["Timestamp"] = DateTimeOffset.UtcNow.ToString("R", CultureInfo.InvariantCulture);
        return await PostAsync(path, form, cancellationToken) is null ? 1 : 0;
    }

    /// <summary>The reply's body, or null (after printing why) for anything but a 2xx.</summary>
    private async Task<string?> PostAsync(string pathAndQuery, Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync($"POST {pathAndQuery} {string.Join(' ', form.Where(f => f.Key is "CallStatus" or "SpeechResult" or "Digits" or "RecordingSid").Select(f => $"{f.Key}={f.Value}"))}");
        using var request = new HttpRequestMessage(HttpMethod.Post, pathAndQuery) { Content = new FormUrlEncodedContent(form) };
        request.Headers.TryAddWithoutValidation(TwilioSignatureFilter.SignatureHeader, TwilioRequestSigner.Sign(authToken, $"{publicApi.AbsoluteUri.TrimEnd('/')}{pathAndQuery}", form));
        using var response = await client.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        await output.WriteLineAsync($"{(int)response.StatusCode} {body}");
        return response.IsSuccessStatusCode ? body : null;
    }

    /// <summary>An action as TwiML writes it (absolute, or relative to the document's URL), as a path and query on the API.</summary>
    private string PathOf(string? action, string current)
    {
        var document = new Uri(publicApi, current);
        return string.IsNullOrWhiteSpace(action) ? document.PathAndQuery : new Uri(document, action.Trim()).PathAndQuery;
    }

    private static void AddInput(Dictionary<string, string> form, CallerInput said)
    {
        if (said.IsDigits)
        {
            form["Digits"] = said.Value;
        }
        else
        {
            form["SpeechResult"] = said.Value;
            form["Confidence"] = "0.92";
        }
    }

    private sealed class Call(string accountSid, string callSid, string from, string to, string direction)
    {
        private readonly Stopwatch clock = Stopwatch.StartNew();

        public TimeSpan Elapsed => clock.Elapsed;

        public Dictionary<string, string> Form(string status) => new(StringComparer.Ordinal)
        {
            ["AccountSid"] = accountSid,
            ["ApiVersion"] = "2010-04-01",
            ["CallSid"] = callSid,
            ["CallStatus"] = status,
            ["Direction"] = direction,
            ["From"] = from,
            ["To"] = to,
        };
    }
}
