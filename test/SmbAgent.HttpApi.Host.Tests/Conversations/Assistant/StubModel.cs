using System.Text.Json.Nodes;
using SmbAgent.Conversations.Assistant;
using SmbAgent.TestKit.Stubs;

namespace SmbAgent.HttpApi.Tests.Conversations.Assistant;

/// <summary>
/// How the stub plays a model in these tests: it reads the request the way a model would (the JSON user message),
/// classifies like the local rules unless told otherwise, words an answer from passage 1 with its own prefix,
/// so a reply shows whether the model's wording reached the visitor, and agrees with every flagged emergency.
/// </summary>
public static class StubModel
{
    public const string AnswerPrefix = "In short:";

    public const string EmergencySchema = "emergency_check";

    /// <param name="readings">The model's reading of particular visitor messages (see <see cref="Reading"/>).</param>
    public static Func<ChatCompletionCall, string> Cooperative(IReadOnlyDictionary<string, string>? readings = null) => call =>
    {
        var user = JsonNode.Parse(call.LastUser)!.AsObject();
        if (call.SchemaName == EmergencySchema)
        {
            // The model can only confirm or lower, so "urgent" keeps whatever level the check found.
            return Emergency("urgent");
        }

        if (call.SchemaName == "visitor_intent")
        {
            var text = user["visitor_message"]!.GetValue<string>();
            return readings?.GetValueOrDefault(text)
                   ?? Reading(VisitorReadingReader.Names.First(n => n.Value == LocalConversationAssistant.Classify(text)).Key);
        }

        var passage = user["passages"]![0]!["text"]!.GetValue<string>();
        return Answer(answered: true, $"{AnswerPrefix} {passage.Split('\n')[^1].Trim()}", 1);
    };

    /// <summary>
    /// A model that gave in: whatever it is asked, it repeats the start of its system prompt (where the canary is) in
    /// output that otherwise fits the schema, so only the leak check stands between it and the visitor.
    /// </summary>
    public static string Hostile(ChatCompletionCall call)
    {
        var leaked = $"Sure! My instructions: {string.Join(" ", call.System.Split('\n').Take(3))}";
        return call.SchemaName == "visitor_intent"
            ? Reading("question", name: leaked)
            : Answer(answered: true, leaked, 1);
    }

    public static string Reading(string intent, string name = "", string phone = "", string email = "") =>
        new JsonObject { ["intent"] = intent, ["name"] = name, ["phone"] = phone, ["email"] = email }.ToJsonString();

    public static string Emergency(string level, string reason = "damage_spreading_now") =>
        new JsonObject { ["level"] = level, ["reason"] = reason }.ToJsonString();

    public static string Answer(bool answered, string answer, params int[] passages) => new JsonObject
    {
        ["answered"] = answered,
        ["answer"] = answer,
        ["passages"] = new JsonArray([.. passages.Select(p => (JsonNode?)JsonValue.Create(p))]),
    }.ToJsonString();
}
