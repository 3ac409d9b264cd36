using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using SmbAgent.Bench.Chat.Data;

namespace SmbAgent.Bench.Chat.Load;

/// <summary>A server under load: ours (the API host) or the bare baseline, both with the chat API's routes.</summary>
public sealed record ChatTarget(string Name, HttpClient Http, Uri BaseAddress);

/// <summary>What one turn came back with.</summary>
/// <param name="Cited">The first reply quotes a knowledge source (a question answered from the FAQ).</param>
/// <param name="Open">The conversation is still answering questions (no lead capture or hand-off started).</param>
public readonly record struct TurnResult(bool Ok, bool Cited, bool Open, double Milliseconds);

/// <summary>
/// One visitor as the widget behaves: starts a conversation, then sends messages with the token and a fresh
/// idempotency key each. Each visitor comes from an address of its own (X-Forwarded-For, believed because the bench
/// names loopback as the host's known proxy), as real visitors do, so per-address state on the server is counted too.
/// </summary>
public sealed class Visitor(ChatTarget target, SeededBusiness business)
{
    private static int _addresses;
    private readonly string _address = NextAddress();
    private string? _token;

    public SeededBusiness Business => business;

    public int Turns { get; private set; }

    private Uri Conversations => new(target.BaseAddress, $"/api/widget/{business.WidgetKey}/conversations");

    /// <returns>Whether the conversation started, and how long that took.</returns>
    public async Task<(bool Ok, double Milliseconds)> StartAsync(CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Conversations) { Content = JsonContent.Create(new { language = "en" }) };
            request.Headers.Add("X-Forwarded-For", _address);
            using var response = await target.Http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return (false, Elapsed(started));
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
            _token = json.RootElement.GetProperty("token").GetString();
            Turns = 0;
            return (_token is not null, Elapsed(started));
        }
        catch (HttpRequestException)
        {
            return (false, Elapsed(started));
        }
    }

    public async Task<TurnResult> SayAsync(string text, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        Turns++;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Conversations + "/current/messages"))
            {
                Content = JsonContent.Create(new { text, idempotencyKey = Guid.NewGuid().ToString("N") }),
            };
            request.Headers.Add("X-Forwarded-For", _address);
            request.Headers.Add("X-Conversation-Token", _token);
            using var response = await target.Http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return new TurnResult(false, false, false, Elapsed(started));
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
            var replies = json.RootElement.GetProperty("replies");
            var cited = replies.GetArrayLength() > 0 && replies[0].GetProperty("citations").GetArrayLength() > 0;
            var open = json.RootElement.GetProperty("state").GetString() == "Open";
            return new TurnResult(true, cited, open, Elapsed(started));
        }
        catch (HttpRequestException)
        {
            return new TurnResult(false, false, false, Elapsed(started));
        }
    }

    private static double Elapsed(long started) => Stopwatch.GetElapsedTime(started).TotalMilliseconds;

    private static string NextAddress()
    {
        var n = Interlocked.Increment(ref _addresses);
        return $"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}";
    }
}
