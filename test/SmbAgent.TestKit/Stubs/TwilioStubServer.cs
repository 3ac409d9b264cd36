using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace SmbAgent.TestKit.Stubs;

/// <summary>A request the Twilio stub received, whatever it answered: path, Authorization and Content-Type headers, form fields.</summary>
public sealed record TwilioStubRequest(string Path, string? Authorization, string? ContentType, IReadOnlyDictionary<string, string> Form);

/// <summary>A message the Twilio stub accepted (answered 201, or would have, for a delayed or dropped answer).</summary>
public sealed record TwilioStubMessage(string Sid, string To, string? From, string? MessagingServiceSid, string Body);

/// <summary>A call the Twilio stub accepted: the form fields of the Calls API that our placer sends.</summary>
public sealed record TwilioStubCall(string Sid, string To, string From, string? Twiml, string? StatusCallback, int? Timeout);

/// <summary>
/// A local stand-in for Twilio's REST API on a free loopback port, with Basic auth, validated the way Twilio does (in
/// its order, with its error codes and JSON error shape): <c>POST …/Messages.json</c> answering 201 with a Message
/// resource, <c>POST …/Calls.json</c> answering 201 with a Call resource, and <c>GET …/IncomingPhoneNumbers.json</c>
/// answering a page of the numbers registered with <see cref="AddIncomingNumber"/>.
/// Faults are queued per request (any of them) to simulate an outage and its recovery: <see cref="FailNext"/> answers
/// an error without accepting; <see cref="DelayNext"/> and <see cref="DropNext"/> accept and then answer late or
/// not at all, as when Twilio took it but the answer was lost; <see cref="StallAnswerNext"/> stalls mid-answer.
/// </summary>
public sealed partial class TwilioStubServer : IAsyncDisposable
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";

    public const string AuthToken = "stub-auth-token-7d41c9b2e6";

    /// <summary>The stub account's own number: the only <c>From</c> it accepts.</summary>
    public const string FromNumber = "+15005550006";

    /// <summary>The stub account's messaging service: the only <c>MessagingServiceSid</c> it accepts.</summary>
    public const string MessagingServiceSid = "MG0123456789abcdef0123456789abcdef";

    public const int MaxBodyLength = 1600;

    private readonly WebApplication app;
    private readonly ConcurrentQueue<TwilioStubRequest> requests = new();
    private readonly ConcurrentQueue<TwilioStubMessage> messages = new();
    private readonly ConcurrentQueue<Fault> faults = new();
    private readonly ConcurrentQueue<TwilioStubCall> calls = new();
    private readonly ConcurrentDictionary<string, string?> incomingNumbers = new(StringComparer.Ordinal);
    private readonly Lock callSignal = new();
    private TaskCompletionSource newCall = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private TwilioStubServer(WebApplication app) => this.app = app;

    /// <summary>Scheme, host and port: the value for <c>Twilio:BaseUrl</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every request, in arrival order, including refused and failed ones.</summary>
    public IReadOnlyList<TwilioStubRequest> Requests => [.. requests];

    /// <summary>The accepted messages, in order.</summary>
    public IReadOnlyList<TwilioStubMessage> Messages => [.. messages];

    /// <summary>The accepted calls, in order.</summary>
    public IReadOnlyList<TwilioStubCall> Calls => [.. calls];

    public static async Task<TwilioStubServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new TwilioStubServer(app);
        app.MapPost("/2010-04-01/Accounts/{accountSid}/Messages.json", stub.CreateMessageAsync);
        app.MapPost("/2010-04-01/Accounts/{accountSid}/Calls.json", stub.CreateCallAsync);
        app.MapGet("/2010-04-01/Accounts/{accountSid}/IncomingPhoneNumbers.json", stub.ReadIncomingNumbersAsync);
        app.MapFallback(context => WriteErrorAsync(
            context, StatusCodes.Status404NotFound, 20404, $"The requested resource {context.Request.Path} was not found"));
        await app.StartAsync();
        stub.BaseUrl = new Uri(app.Urls.Single());
        return stub;
    }

    /// <summary>The <c>Twilio</c> configuration section for a client of this stub.</summary>
    public Dictionary<string, string?> ClientSettings(bool useMessagingService = false) => new()
    {
        ["Twilio:AccountSid"] = AccountSid,
        ["Twilio:AuthToken"] = AuthToken,
        ["Twilio:FromNumber"] = useMessagingService ? null : FromNumber,
        ["Twilio:MessagingServiceSid"] = useMessagingService ? MessagingServiceSid : null,
        ["Twilio:BaseUrl"] = BaseUrl.AbsoluteUri,
    };

    /// <summary>The next <paramref name="count"/> requests get <paramref name="statusCode"/> (e.g. 500, 503, 429) in Twilio's error shape and accept nothing.</summary>
    public void FailNext(int count, int statusCode, TimeSpan? retryAfter = null) =>
        Enqueue(count, new Fault(statusCode, retryAfter));

    /// <summary>The next <paramref name="count"/> valid requests are accepted at once but answered only after <paramref name="delay"/>.</summary>
    public void DelayNext(int count, TimeSpan delay) => Enqueue(count, new Fault(After: AfterAccepting.AnswerLate, Delay: delay));

    /// <summary>The next <paramref name="count"/> valid requests are accepted, then the connection is closed without an answer.</summary>
    public void DropNext(int count) => Enqueue(count, new Fault(After: AfterAccepting.Drop));

    /// <summary>The next <paramref name="count"/> valid requests are accepted and get 201 with half the JSON, the rest after <paramref name="delay"/>.</summary>
    public void StallAnswerNext(int count, TimeSpan delay) => Enqueue(count, new Fault(After: AfterAccepting.StallAnswer, Delay: delay));

    /// <summary>Puts <paramref name="number"/> (E.164) on the stub's account, its calls sent to <paramref name="voiceUrl"/>.</summary>
    public void AddIncomingNumber(string number, Uri? voiceUrl) => incomingNumbers[number] = voiceUrl?.AbsoluteUri;

    /// <summary>The first accepted call matching <paramref name="predicate"/>, already placed or placed within <paramref name="timeout"/>.</summary>
    public async Task<TwilioStubCall> WaitForCallAsync(Func<TwilioStubCall, bool> predicate, TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        while (true)
        {
            Task next;
            lock (callSignal)
            {
                next = newCall.Task;
            }

            if (calls.FirstOrDefault(predicate) is { } call)
            {
                return call;
            }

            try
            {
                await next.WaitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No matching call reached the Twilio stub within {timeout}; it has {calls.Count} call(s).");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private void Enqueue(int count, Fault fault)
    {
        for (var i = 0; i < count; i++)
        {
            faults.Enqueue(fault);
        }
    }

    /// <summary>
    /// Records the request and answers what comes before any resource check: a queued error fault, a failed Basic
    /// auth, another account. Null when it answered; otherwise the fault still to apply after accepting, and the form.
    /// </summary>
    private async Task<(Fault Fault, Dictionary<string, string> Form)?> AdmitAsync(HttpContext context, string accountSid)
    {
        var form = context.Request.HasFormContentType
            ? (await context.Request.ReadFormAsync(context.RequestAborted)).ToDictionary(field => field.Key, field => field.Value.ToString(), StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        requests.Enqueue(new TwilioStubRequest(context.Request.Path, context.Request.Headers.Authorization, context.Request.ContentType, form));
        faults.TryDequeue(out var fault);

        if (fault?.StatusCode is { } failure)
        {
            if (fault.RetryAfter is { } wait)
            {
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            await WriteErrorAsync(context, failure, failure == 401 ? 20003 : 20000 + failure, ReasonPhrases.GetReasonPhrase(failure));
            return null;
        }

        if (!IsAuthenticated(context.Request.Headers.Authorization))
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"Twilio API\"";
            await WriteErrorAsync(context, StatusCodes.Status401Unauthorized, 20003, "Authenticate", "Your AccountSid or AuthToken was incorrect.");
            return null;
        }

        if (accountSid != AccountSid)
        {
            await WriteErrorAsync(context, StatusCodes.Status404NotFound, 20404, $"The requested resource {context.Request.Path} was not found");
            return null;
        }

        return (fault ?? new Fault(), form);
    }

    private async Task CreateMessageAsync(HttpContext context, string accountSid)
    {
        if (await AdmitAsync(context, accountSid) is not (var fault, var form))
        {
            return;
        }

        if (Validate(form) is { } invalid)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, invalid.Code, invalid.Message);
            return;
        }

        var message = new TwilioStubMessage(
            $"SM{Guid.NewGuid():N}",
            form["To"],
            form.GetValueOrDefault("MessagingServiceSid") is { Length: > 0 } ? null : form["From"],
            form.GetValueOrDefault("MessagingServiceSid") is { Length: > 0 } service ? service : null,
            form["Body"]);
        messages.Enqueue(message);

        await AnswerAsync(context, Resource(message), fault, StatusCodes.Status201Created);
    }

    private async Task CreateCallAsync(HttpContext context, string accountSid)
    {
        if (await AdmitAsync(context, accountSid) is not (var fault, var form))
        {
            return;
        }

        if (ValidateCall(form) is { } invalid)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, invalid.Code, invalid.Message);
            return;
        }

        var call = new TwilioStubCall(
            $"CA{Guid.NewGuid():N}",
            form["To"],
            form["From"],
            form.GetValueOrDefault("Twiml"),
            form.GetValueOrDefault("StatusCallback"),
            int.TryParse(form.GetValueOrDefault("Timeout"), NumberStyles.None, CultureInfo.InvariantCulture, out var timeout) ? timeout : null);
        calls.Enqueue(call);
        lock (callSignal)
        {
            newCall.TrySetResult();
            newCall = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        await AnswerAsync(context, CallResource(call), fault, StatusCodes.Status201Created);
    }

    private async Task ReadIncomingNumbersAsync(HttpContext context, string accountSid)
    {
        if (await AdmitAsync(context, accountSid) is not (var fault, _))
        {
            return;
        }

        var wanted = context.Request.Query["PhoneNumber"].ToString();
        var numbers = new JsonArray();
        foreach (var (number, voiceUrl) in incomingNumbers.Where(n => wanted.Length == 0 || n.Key == wanted).OrderBy(n => n.Key, StringComparer.Ordinal))
        {
            numbers.Add(new JsonObject
            {
                ["account_sid"] = AccountSid,
                ["sid"] = $"PN{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(number)))[..32]}",
                ["phone_number"] = number,
                ["friendly_name"] = number,
                ["voice_url"] = voiceUrl,
                ["voice_method"] = "POST",
                ["capabilities"] = new JsonObject { ["voice"] = true, ["sms"] = true, ["mms"] = false },
            });
        }

        var uri = $"/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers.json";
        var page = new JsonObject
        {
            ["incoming_phone_numbers"] = numbers,
            ["first_page_uri"] = $"{uri}?PageSize=50&Page=0",
            ["next_page_uri"] = null,
            ["previous_page_uri"] = null,
            ["page"] = 0,
            ["page_size"] = 50,
            ["start"] = 0,
            ["end"] = Math.Max(0, numbers.Count - 1),
            ["uri"] = uri + context.Request.QueryString,
        };
        await AnswerAsync(context, page, fault, StatusCodes.Status200OK);
    }

    private static async Task AnswerAsync(HttpContext context, JsonObject resource, Fault fault, int status)
    {
        if (fault.After == AfterAccepting.Drop)
        {
            context.Abort();
            return;
        }

        var json = resource.ToJsonString();
        try
        {
            if (fault.After == AfterAccepting.AnswerLate)
            {
                await Task.Delay(fault.Delay, context.RequestAborted);
            }

            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json; charset=utf-8";
            if (fault.After == AfterAccepting.StallAnswer)
            {
                await context.Response.WriteAsync(json[..(json.Length / 2)], context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(fault.Delay, context.RequestAborted);
                json = json[(json.Length / 2)..];
            }

            await context.Response.WriteAsync(json, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up; Twilio would have kept the message all the same.
        }
    }

    private static bool IsAuthenticated(string? authorization)
    {
        if (!AuthenticationHeaderValue.TryParse(authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || header.Parameter is null)
        {
            return false;
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter)) == $"{AccountSid}:{AuthToken}";
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Twilio's checks, in its order: recipient, sender, body.</summary>
    private static (int Code, string Message)? Validate(Dictionary<string, string> form)
    {
        var to = form.GetValueOrDefault("To");
        var from = form.GetValueOrDefault("From");
        var service = form.GetValueOrDefault("MessagingServiceSid");
        var body = form.GetValueOrDefault("Body");
        return true switch
        {
            _ when string.IsNullOrEmpty(to) => (21604, "A 'To' phone number is required."),
            _ when !E164().IsMatch(to) => (21211, $"The 'To' number {to} is not a valid phone number."),
            _ when !string.IsNullOrEmpty(service) && service != MessagingServiceSid => (21701, $"The Messaging Service Sid {service} is invalid."),
            _ when string.IsNullOrEmpty(service) && string.IsNullOrEmpty(from) => (21603, "A 'From' phone number is required."),
            _ when string.IsNullOrEmpty(service) && from != FromNumber =>
                (21606, $"The 'From' phone number provided ({from}) is not a valid message-capable Twilio phone number for this destination."),
            _ when string.IsNullOrEmpty(body) => (21602, "Message body is required."),
            _ when body.Length > MaxBodyLength => (21617, "The concatenated message body exceeds the 1600 character limit."),
            _ => null,
        };
    }

    /// <summary>Twilio's checks for a call, in its order: recipient, sender, what to play.</summary>
    private static (int Code, string Message)? ValidateCall(Dictionary<string, string> form)
    {
        var to = form.GetValueOrDefault("To");
        var from = form.GetValueOrDefault("From");
        return true switch
        {
            _ when string.IsNullOrEmpty(to) => (21201, "No 'To' number is specified"),
            _ when !E164().IsMatch(to) => (21211, $"Invalid 'To' Phone Number: {to}"),
            _ when string.IsNullOrEmpty(from) => (21213, "No 'From' number is specified"),
            _ when from != FromNumber => (21210, $"The source phone number provided, {from}, is not yet verified for your account."),
            _ when string.IsNullOrEmpty(form.GetValueOrDefault("Twiml")) && string.IsNullOrEmpty(form.GetValueOrDefault("Url"))
                && string.IsNullOrEmpty(form.GetValueOrDefault("ApplicationSid")) => (21205, "A 'Url', 'Twiml' or 'ApplicationSid' parameter is required"),
            _ => null,
        };
    }

    private static JsonObject CallResource(TwilioStubCall call)
    {
        var now = DateTimeOffset.UtcNow.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);
        var uri = $"/2010-04-01/Accounts/{AccountSid}/Calls/{call.Sid}";
        return new JsonObject
        {
            ["account_sid"] = AccountSid,
            ["answered_by"] = null,
            ["api_version"] = "2010-04-01",
            ["caller_name"] = null,
            ["date_created"] = now,
            ["date_updated"] = now,
            ["direction"] = "outbound-api",
            ["duration"] = null,
            ["end_time"] = null,
            ["forwarded_from"] = null,
            ["from"] = call.From,
            ["from_formatted"] = call.From,
            ["parent_call_sid"] = null,
            ["phone_number_sid"] = null,
            ["price"] = null,
            ["price_unit"] = "USD",
            ["sid"] = call.Sid,
            ["start_time"] = null,
            ["status"] = "queued",
            ["subresource_uris"] = new JsonObject { ["recordings"] = $"{uri}/Recordings.json" },
            ["to"] = call.To,
            ["to_formatted"] = call.To,
            ["uri"] = $"{uri}.json",
        };
    }

    private static JsonObject Resource(TwilioStubMessage message)
    {
        var now = DateTimeOffset.UtcNow.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);
        var uri = $"/2010-04-01/Accounts/{AccountSid}/Messages/{message.Sid}";
        return new JsonObject
        {
            ["account_sid"] = AccountSid,
            ["api_version"] = "2010-04-01",
            ["body"] = message.Body,
            ["date_created"] = now,
            ["date_sent"] = null,
            ["date_updated"] = now,
            ["direction"] = "outbound-api",
            ["error_code"] = null,
            ["error_message"] = null,
            ["from"] = message.From,
            ["messaging_service_sid"] = message.MessagingServiceSid,
            ["num_media"] = "0",
            ["num_segments"] = Segments(message.Body).ToString(CultureInfo.InvariantCulture),
            ["price"] = null,
            ["price_unit"] = "USD",
            ["sid"] = message.Sid,

            // Through a messaging service the sender is chosen later, so Twilio says "accepted" and no "from" yet.
            ["status"] = message.MessagingServiceSid is null ? "queued" : "accepted",
            ["subresource_uris"] = new JsonObject { ["media"] = $"{uri}/Media.json" },
            ["to"] = message.To,
            ["uri"] = $"{uri}.json",
        };
    }

    /// <summary>GSM-7 (approximated by printable ASCII) fits 160 alone or 153 per part; anything else is UCS-2, 70 or 67.</summary>
    private static int Segments(string body)
    {
        var gsm = body.All(c => c is '\n' or '\r' || (c >= ' ' && c <= '~'));
        var (single, part) = gsm ? (160, 153) : (70, 67);
        return body.Length <= single ? 1 : (body.Length + part - 1) / part;
    }

    private static Task WriteErrorAsync(HttpContext context, int status, int code, string message, string? detail = null)
    {
        context.Response.StatusCode = status;
        var error = new JsonObject
        {
            ["code"] = code,
            ["message"] = message,
            ["more_info"] = $"https://www.twilio.com/docs/errors/{code}",
            ["status"] = status,
        };
        if (detail is not null)
        {
            error["detail"] = detail;
        }

        return context.Response.WriteAsJsonAsync(error);
    }

    [GeneratedRegex(@"^\+[1-9]\d{7,14}$")]
    private static partial Regex E164();

    private enum AfterAccepting
    {
        Answer,
        AnswerLate,
        Drop,
        StallAnswer,
    }

    private sealed record Fault(int? StatusCode = null, TimeSpan? RetryAfter = null, AfterAccepting After = AfterAccepting.Answer, TimeSpan Delay = default);
}
