namespace SmbAgent.Features;

/// <summary>The seeded editions and their values, exactly the matrix in PRODUCT.md.</summary>
public static class EditionMatrix
{
    public const string Free = "FREE";
    public const string Basic = "BASIC";
    public const string Pro = "PRO";

    public static IReadOnlyList<SeedEdition> Editions { get; } =
    [
        new(Free, "Free", 1, new Dictionary<string, string>
        {
            [SmbFeatures.Chat.Widget] = "true",
            [SmbFeatures.Leads.MaxQuestions] = "5",
            [SmbFeatures.Chat.MaxConversationsPerMonth] = "100",
            [SmbFeatures.Notifications.Email] = "true",
            [SmbFeatures.Notifications.Sms] = "false",
            [SmbFeatures.Voice.Agent] = "false",
            [SmbFeatures.Voice.MaxMinutesPerMonth] = "0",
            [SmbFeatures.Voice.PremiumVoices] = "false",
            [SmbFeatures.Voice.EmergencyOwnerCall] = "false",
            [SmbFeatures.Analytics.Level] = SmbFeatures.Analytics.Basic,
            [SmbFeatures.Platform.HealthPage] = "false",
            [SmbFeatures.Platform.HideBranding] = "false",
            [SmbFeatures.Platform.ApiAccess] = "false",
        }),
        new(Basic, "Basic", 2, new Dictionary<string, string>
        {
            [SmbFeatures.Chat.Widget] = "true",
            [SmbFeatures.Leads.MaxQuestions] = "0",
            [SmbFeatures.Chat.MaxConversationsPerMonth] = "2000",
            [SmbFeatures.Notifications.Email] = "true",
            [SmbFeatures.Notifications.Sms] = "true",
            [SmbFeatures.Voice.Agent] = "false",
            [SmbFeatures.Voice.MaxMinutesPerMonth] = "0",
            [SmbFeatures.Voice.PremiumVoices] = "false",
            [SmbFeatures.Voice.EmergencyOwnerCall] = "false",
            [SmbFeatures.Analytics.Level] = SmbFeatures.Analytics.Basic,
            [SmbFeatures.Platform.HealthPage] = "false",
            [SmbFeatures.Platform.HideBranding] = "false",
            [SmbFeatures.Platform.ApiAccess] = "false",
        }),
        new(Pro, "Pro", 3, new Dictionary<string, string>
        {
            [SmbFeatures.Chat.Widget] = "true",
            [SmbFeatures.Leads.MaxQuestions] = "0",
            [SmbFeatures.Chat.MaxConversationsPerMonth] = "0",
            [SmbFeatures.Notifications.Email] = "true",
            [SmbFeatures.Notifications.Sms] = "true",
            [SmbFeatures.Voice.Agent] = "true",
            [SmbFeatures.Voice.MaxMinutesPerMonth] = "1000",
            [SmbFeatures.Voice.PremiumVoices] = "true",
            [SmbFeatures.Voice.EmergencyOwnerCall] = "true",
            [SmbFeatures.Analytics.Level] = SmbFeatures.Analytics.Full,
            [SmbFeatures.Platform.HealthPage] = "true",
            [SmbFeatures.Platform.HideBranding] = "true",
            [SmbFeatures.Platform.ApiAccess] = "true",
        }),
    ];

    public sealed record SeedEdition(string Name, string DisplayName, int SortOrder, IReadOnlyDictionary<string, string> Values);
}
