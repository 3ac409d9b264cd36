using System.Text.Json;

namespace SmbAgent.Conversations.Assistant;

/// <summary>
/// Reads the model's intent output. An intent outside the list makes the output invalid; a detail is kept only when
/// the visitor's message contains it (a phone number by its digits), so the model can't put words in the visitor's mouth.
/// </summary>
public static class VisitorReadingReader
{
    private const int MinPhoneDigits = 7;

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
    public static VisitorReading? Read(string output, string visitorText)
    {
        try
        {
            using var document = JsonDocument.Parse(output);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("intent", out var intent)
                || intent.ValueKind != JsonValueKind.String || !Names.TryGetValue(intent.GetString()!, out var value))
            {
                return null;
            }

            var details = new VisitorDetails(
                Said(root, "name", visitorText, (text, name) => text.Contains(name, StringComparison.OrdinalIgnoreCase)),
                Said(root, "phone", visitorText, (text, phone) => Digits(phone).Length >= MinPhoneDigits && Digits(text).Contains(Digits(phone), StringComparison.Ordinal)),
                Said(root, "email", visitorText, (text, email) => email.Contains('@', StringComparison.Ordinal) && text.Contains(email, StringComparison.OrdinalIgnoreCase)));
            return new VisitorReading(value, details);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Said(JsonElement root, string property, string visitorText, Func<string, string, bool> occurs)
    {
        var value = root.TryGetProperty(property, out var element) && element.ValueKind == JsonValueKind.String ? element.GetString()!.Trim() : string.Empty;
        return value.Length > 0 && occurs(visitorText, value) ? value : null;
    }

    private static string Digits(string text) => string.Concat(text.Where(char.IsAsciiDigit));
}
