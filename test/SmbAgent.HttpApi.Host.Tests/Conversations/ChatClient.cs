using System.Net.Http.Json;
using System.Text.Json;

namespace SmbAgent.HttpApi.Tests.Conversations;

/// <summary>What the widget does over HTTP: start, then send messages with the token and a fresh idempotency key each.</summary>
public sealed class ChatClient(HttpClient http, string widgetKey)
{
    public string Token { get; private set; } = string.Empty;

    public string Base => $"/api/widget/{widgetKey}/conversations";

    public async Task<JsonElement> StartAsync(string? language = null)
    {
        var response = await http.PostAsJsonAsync(Base, new { language });
        response.EnsureSuccessStatusCode();
        var started = await response.Content.ReadFromJsonAsync<JsonElement>();
        Token = started.GetProperty("token").GetString()!;
        return started;
    }

    public async Task<HttpResponseMessage> PostAsync(object body, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Base}/current/messages") { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Conversation-Token", token ?? Token);
        return await http.SendAsync(request);
    }

    /// <summary>Sends <paramref name="text"/> and returns the agent's replies joined by new lines.</summary>
    public async Task<string> SayAsync(string text)
    {
        var turn = await TurnAsync(text);
        return string.Join("\n", turn.GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("text").GetString()));
    }

    /// <summary>Sends <paramref name="text"/> and returns the turn as the API answered it.</summary>
    public async Task<JsonElement> TurnAsync(string text)
    {
        var response = await PostAsync(new { text, idempotencyKey = Guid.NewGuid().ToString("N") });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> TranscriptAsync(string? token = null)
    {
        var response = await GetTranscriptAsync(string.Empty, token);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The transcript's page that <paramref name="query"/> (e.g. "?after=4&amp;limit=2") asks for.</summary>
    public async Task<HttpResponseMessage> GetTranscriptAsync(string query, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Base}/current{query}");
        request.Headers.Add("X-Conversation-Token", token ?? Token);
        return await http.SendAsync(request);
    }
}
