using System.Net.Http.Json;
using System.Text.Json;

namespace SmbAgent.Bench.Voice;

/// <summary>What the widget does over HTTP: start, then send messages with the token and a fresh idempotency key each.</summary>
public sealed class WidgetChat(HttpClient http, string widgetKey)
{
    private string _token = string.Empty;

    private string Base => $"/api/widget/{widgetKey}/conversations";

    public async Task StartAsync()
    {
        using var response = await http.PostAsJsonAsync(Base, new { language = "en" });
        response.EnsureSuccessStatusCode();
        _token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    /// <summary>Sends <paramref name="text"/> and returns the agent's replies joined by new lines.</summary>
    public async Task<string> SayAsync(string text)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Base}/current/messages")
        {
            Content = JsonContent.Create(new { text, idempotencyKey = Guid.NewGuid().ToString("N") }),
        };
        request.Headers.Add("X-Conversation-Token", _token);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var turn = await response.Content.ReadFromJsonAsync<JsonElement>();
        return string.Join("\n", turn.GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("text").GetString()));
    }
}
