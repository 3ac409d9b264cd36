using System.Text.Json;

namespace SmbAgent.Conversations.Assistant;

/// <summary>Reads the model's intent output; anything but one of the listed names is invalid.</summary>
public static class IntentReader
{
    public static IReadOnlyDictionary<string, VisitorIntent> Names { get; } = new Dictionary<string, VisitorIntent>(StringComparer.Ordinal)
    {
        ["question"] = VisitorIntent.Question,
        ["leave_details"] = VisitorIntent.LeaveDetails,
        ["human"] = VisitorIntent.Human,
        ["yes"] = VisitorIntent.Yes,
        ["no"] = VisitorIntent.No,
        ["greeting"] = VisitorIntent.Greeting,
        ["change_instructions"] = VisitorIntent.ChangeInstructions,
    };

    /// <returns>Null when the output is not the schema's object with a known intent.</returns>
    public static VisitorIntent? Read(string output)
    {
        try
        {
            using var document = JsonDocument.Parse(output);
            return document.RootElement.ValueKind == JsonValueKind.Object
                   && document.RootElement.TryGetProperty("intent", out var intent)
                   && intent.ValueKind == JsonValueKind.String
                   && Names.TryGetValue(intent.GetString()!, out var value)
                ? value
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
