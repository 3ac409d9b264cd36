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

/// <summary>
/// A local stand-in for Twilio's Messages REST API on a free loopback port:
/// <c>POST /2010-04-01/Accounts/{AccountSid}/Messages.json</c> with Basic auth and a form, validated the way
/// Twilio does (in its order, with its error codes and JSON error shape), answering 201 with a Message resource.
/// Faults are queued per request to simulate an outage and its recovery: <see cref="FailNext"/> answers an error
/// without accepting; <see cref="DelayNext"/> and <see cref="DropNext"/> accept the message and then answer late or
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

    private TwilioStubServer(WebApplication app) => this.app = app;

    /// <summary>Scheme, host and port: the value for <c>Twilio:BaseUrl</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every request, in arrival order, including refused and failed ones.</summary>
    public IReadOnlyList<TwilioStubRequest> Requests => [.. requests];

    /// <summary>The accepted messages, in order.</summary>
    public IReadOnlyList<TwilioStubMessage> Messages => [.. messages];

    public static async Task<TwilioStubServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new TwilioStubServer(app);
        app.MapPost("/2010-04-01/Accounts/{accountSid}/Messages.json", stub.CreateMessageAsync);
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

    private async Task CreateMessageAsync(HttpContext context, string accountSid)
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
            return;
        }

        if (!IsAuthenticated(context.Request.Headers.Authorization))
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"Twilio API\"";
            await WriteErrorAsync(context, StatusCodes.Status401Unauthorized, 20003, "Authenticate", "Your AccountSid or AuthToken was incorrect.");
            return;
        }

        if (accountSid != AccountSid)
        {
            await WriteErrorAsync(context, StatusCodes.Status404NotFound, 20404, $"The requested resource {context.Request.Path} was not found");
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

        await AnswerAsync(context, message, fault ?? new Fault());
    }

    private static async Task AnswerAsync(HttpContext context, TwilioStubMessage message, Fault fault)
    {
        if (fault.After == AfterAccepting.Drop)
        {
            context.Abort();
            return;
        }

        var json = Resource(message).ToJsonString();
        try
        {
            if (fault.After == AfterAccepting.AnswerLate)
            {
                await Task.Delay(fault.Delay, context.RequestAborted);
            }

            context.Response.StatusCode = StatusCodes.Status201Created;
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
