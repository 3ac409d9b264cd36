using System.Text.Json;
using SmbAgent.Conversations.Emergencies;

namespace SmbAgent.Conversations.Assistant;

/// <summary>Reads the model's emergency output; a level or reason outside the lists makes it invalid.</summary>
public static class EmergencyOpinionReader
{
    public static IReadOnlyDictionary<string, LeadPriority> Levels { get; } = new Dictionary<string, LeadPriority>(StringComparer.Ordinal)
    {
        ["urgent"] = LeadPriority.Urgent,
        ["high"] = LeadPriority.High,
        ["normal"] = LeadPriority.Normal,
    };

    /// <returns>Null when the output is not the schema's object.</returns>
    public static EmergencyOpinion? Read(string output)
    {
        try
        {
            using var document = JsonDocument.Parse(output);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                   && root.TryGetProperty("level", out var level) && level.ValueKind == JsonValueKind.String
                   && Levels.TryGetValue(level.GetString()!, out var value)
                   && root.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String
                   && EmergencyConfirmation.Reasons.Contains(reason.GetString()!, StringComparer.Ordinal)
                ? new EmergencyOpinion(value, reason.GetString()!)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
