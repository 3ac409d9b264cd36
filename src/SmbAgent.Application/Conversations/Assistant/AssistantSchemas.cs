using System.Text.Json;
using Microsoft.Extensions.AI;
using SmbAgent.Conversations.Emergencies;

namespace SmbAgent.Conversations.Assistant;

/// <summary>The structured outputs asked of the model, in the subset OpenAI's strict mode accepts.</summary>
public static class AssistantSchemas
{
    public static ChatResponseFormat Intent { get; } = ChatResponseFormat.ForJsonSchema(
        Parse($$"""
        {
          "type": "object",
          "properties": {
            "intent": { "type": "string", "enum": [{{string.Join(", ", VisitorReadingReader.Names.Keys.Select(n => $"\"{n}\""))}}] },
            "name": { "type": "string" },
            "phone": { "type": "string" },
            "email": { "type": "string" }
          },
          "required": ["intent", "name", "phone", "email"],
          "additionalProperties": false
        }
        """),
        "visitor_intent",
        "What the visitor's message asks for, and the contact details it gives.");

    public static ChatResponseFormat GroundedAnswer { get; } = ChatResponseFormat.ForJsonSchema(
        Parse("""
        {
          "type": "object",
          "properties": {
            "answered": { "type": "boolean" },
            "answer": { "type": "string" },
            "passages": { "type": "array", "items": { "type": "integer" } }
          },
          "required": ["answered", "answer", "passages"],
          "additionalProperties": false
        }
        """),
        "grounded_answer",
        "The answer worded from the passages, and the numbers of the passages it uses.");

    public static ChatResponseFormat Emergency { get; } = ChatResponseFormat.ForJsonSchema(
        Parse($$"""
        {
          "type": "object",
          "properties": {
            "level": { "type": "string", "enum": [{{string.Join(", ", EmergencyOpinionReader.Levels.Keys.Select(n => $"\"{n}\""))}}] },
            "reason": { "type": "string", "enum": [{{string.Join(", ", EmergencyConfirmation.Reasons.Select(n => $"\"{n}\""))}}] }
          },
          "required": ["level", "reason"],
          "additionalProperties": false
        }
        """),
        "emergency_check",
        "How urgent the visitor's situation is for this business, and why.");

    private static JsonElement Parse(string schema)
    {
        using var document = JsonDocument.Parse(schema);
        return document.RootElement.Clone();
    }
}
