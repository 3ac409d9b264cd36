namespace SmbAgent.Webhooks;

/// <summary>The events a subscription can ask for: the names receivers see in a payload's <c>type</c>.</summary>
public static class WebhookEventTypes
{
    public const string LeadCreated = "lead.created";
    public const string LeadUpdated = "lead.updated";
    public const string ConversationCompleted = "conversation.completed";
    public const string EmergencyDetected = "emergency.detected";
    public const string CallCompleted = "call.completed";

    public static IReadOnlyList<string> All { get; } = [LeadCreated, LeadUpdated, ConversationCompleted, EmergencyDetected, CallCompleted];

    public static bool IsKnown(string type) => All.Contains(type, StringComparer.Ordinal);
}
