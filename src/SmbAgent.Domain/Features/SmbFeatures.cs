namespace SmbAgent.Features;

/// <summary>Feature names. The seeded edition matrix is in <see cref="EditionMatrix"/>.</summary>
public static class SmbFeatures
{
    public static class Chat
    {
        public const string Widget = "Chat.Widget";
        public const string MaxConversationsPerMonth = "Chat.MaxConversationsPerMonth";
    }

    public static class Leads
    {
        public const string MaxQuestions = "Leads.MaxQuestions";
    }

    public static class Notifications
    {
        public const string Email = "Notifications.Email";
        public const string Sms = "Notifications.Sms";
    }

    public static class Voice
    {
        public const string Agent = "Voice.Agent";
        public const string PremiumVoices = "Voice.PremiumVoices";
        public const string EmergencyOwnerCall = "Voice.EmergencyOwnerCall";
        public const string MaxMinutesPerMonth = "Voice.MaxMinutesPerMonth";
    }

    public static class Analytics
    {
        public const string Level = "Analytics.Level";
        public const string None = "none";
        public const string Basic = "basic";
        public const string Full = "full";
    }

    public static class Platform
    {
        public const string HealthPage = "Platform.HealthPage";
        public const string HideBranding = "Platform.HideBranding";
        public const string ApiAccess = "Platform.ApiAccess";
    }
}
