namespace SmbAgent.Features;

/// <summary>Every feature SmbAgent knows, with its default (the value a tenant gets when no edition says otherwise).</summary>
public static class SmbFeatureDefinitions
{
    /// <summary>0 means unlimited for every count limit.</summary>
    public const long Unlimited = 0;

    private const long MaxCount = 100_000_000;

    public static IReadOnlyList<FeatureDefinition> All { get; } =
    [
        new(SmbFeatures.Chat.Widget, "Chat", "Chat widget", "The website chat widget answers visitors.",
            FeatureValueType.Toggle, "true"),
        new(SmbFeatures.Chat.MaxConversationsPerMonth, "Chat", "Conversations per month", "How many conversations a month (0 = unlimited).",
            FeatureValueType.Number(0, MaxCount), "100"),
        new(SmbFeatures.Leads.MaxQuestions, "Leads", "Lead-capture questions", "How many lead questions (0 = unlimited).",
            FeatureValueType.Number(0, 1000), "5"),
        new(SmbFeatures.Notifications.Email, "Notifications", "Email notifications", "New leads are emailed to the owner.",
            FeatureValueType.Toggle, "true"),
        new(SmbFeatures.Notifications.Sms, "Notifications", "SMS alerts and priority notifications", "Text-message alerts for new and urgent leads.",
            FeatureValueType.Toggle, "false"),
        new(SmbFeatures.Voice.Agent, "Voice", "Voice agent (phone line)", "The agent answers the business's phone number.",
            FeatureValueType.Toggle, "false"),
        new(SmbFeatures.Voice.MaxMinutesPerMonth, "Voice", "Call minutes per month", "How many minutes of calls the agent answers a month (0 = unlimited).",
            FeatureValueType.Number(0, MaxCount), "0"),
        new(SmbFeatures.Voice.PremiumVoices, "Voice", "Premium voices", "Natural OpenAI voices (nova, alloy, onyx, shimmer, echo, fable).",
            FeatureValueType.Toggle, "false"),
        new(SmbFeatures.Voice.EmergencyOwnerCall, "Voice", "Emergency owner call", "The owner is phoned at once about an emergency.",
            FeatureValueType.Toggle, "false"),
        new(SmbFeatures.Analytics.Level, "Insights", "Analytics", "Which analytics the workspace shows.",
            FeatureValueType.Selection(SmbFeatures.Analytics.None, SmbFeatures.Analytics.Basic, SmbFeatures.Analytics.Full), SmbFeatures.Analytics.Basic),
        new(SmbFeatures.Platform.HealthPage, "Platform", "Health monitoring page", "A page with the health of the agent's services.",
            FeatureValueType.Toggle, "false"),
        new(SmbFeatures.Platform.HideBranding, "Platform", "Hide \"Powered by\" branding", "The widget shows no SmbAgent branding.",
            FeatureValueType.Toggle, "false"),
        new(SmbFeatures.Platform.ApiAccess, "Platform", "REST API keys and outbound webhooks", "Programmatic access to leads and events.",
            FeatureValueType.Toggle, "false"),
    ];

    private static readonly Dictionary<string, FeatureDefinition> ByName = All.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public static FeatureDefinition? Find(string name) => ByName.GetValueOrDefault(name);

    public static FeatureDefinition Get(string name) =>
        Find(name) ?? throw new ArgumentException($"Feature '{name}' is not defined.", nameof(name));
}
