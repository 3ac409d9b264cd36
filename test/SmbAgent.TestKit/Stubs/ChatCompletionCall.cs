using System.Text.Json.Nodes;

namespace SmbAgent.TestKit.Stubs;

/// <summary>One message of a chat completion request: its role and its text (parts joined).</summary>
public sealed record ChatCompletionMessage(string Role, string Content);

/// <summary>A <c>POST /v1/chat/completions</c> request as the stub read it, for a responder to answer.</summary>
public sealed class ChatCompletionCall(JsonObject body)
{
    public JsonObject Body { get; } = body;

    public IReadOnlyList<ChatCompletionMessage> Messages { get; } = ReadMessages(body);

    /// <summary>The <c>response_format</c>'s JSON schema when the request asks for one.</summary>
    public JsonObject? Schema => Body["response_format"]?["type"]?.GetValue<string>() == "json_schema"
        ? Body["response_format"]?["json_schema"]?["schema"] as JsonObject
        : null;

    public string? SchemaName => Body["response_format"]?["json_schema"]?["name"]?.GetValue<string>();

    public string System => string.Join("\n", Messages.Where(m => m.Role is "system" or "developer").Select(m => m.Content));

    public string LastUser => Messages.LastOrDefault(m => m.Role == "user")?.Content ?? string.Empty;

    /// <summary>A JSON value that fits <paramref name="schema"/>: the first enum value, false, 0, empty strings and arrays.</summary>
    public static JsonNode? Example(JsonNode? schema)
    {
        if (schema?["enum"] is JsonArray values && values.Count > 0)
        {
            return values[0]?.DeepClone();
        }

        return schema?["type"]?.GetValue<string>() switch
        {
            "object" => new JsonObject((schema["properties"] as JsonObject ?? [])
                .Select(p => KeyValuePair.Create(p.Key, Example(p.Value)))),
            "array" => new JsonArray(),
            "boolean" => JsonValue.Create(false),
            "integer" or "number" => JsonValue.Create(0),
            "string" => JsonValue.Create(string.Empty),
            _ => null,
        };
    }

    private static List<ChatCompletionMessage> ReadMessages(JsonObject body) =>
        (body["messages"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(m => new ChatCompletionMessage(m["role"]?.GetValue<string>() ?? string.Empty, Text(m["content"])))
            .ToList();

    /// <summary>Content is a string or an array of parts; only the text parts matter here.</summary>
    private static string Text(JsonNode? content) => content switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray parts => string.Concat(parts.OfType<JsonObject>().Select(p => p["text"]?.GetValue<string>() ?? string.Empty)),
        _ => string.Empty,
    };
}
