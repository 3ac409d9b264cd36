using SmbAgent.Tenancy;

namespace SmbAgent.Workspace;

/// <summary>How the agent presents itself on chat and voice: one per tenant.</summary>
public sealed class AgentSettings : IMultiTenant
{
    public const int MaxNameLength = 64;
    public const int MaxMessageLength = 1000;
    public const int MaxPersonaLength = 2000;
    public const int MaxDisclosureLength = 500;
    public const int MaxRetentionDays = 3650;

    private AgentSettings()
    {
        AgentName = string.Empty;
        Language = AgentLanguages.English;
        WidgetPrimaryColor = "#0B5CAD";
        WidgetAccentColor = "#FFFFFF";
        Voice = AgentVoices.StandardVoices[0];
    }

    public AgentSettings(Guid id, Guid tenantId, string businessName)
        : this()
    {
        Id = id;
        TenantId = tenantId;
        AgentName = "Ava";
        Persona = $"You are the friendly front desk of {businessName}. Be brief, warm and precise.";
        WelcomeMessage = DefaultWelcomeMessage(businessName);
        VoiceLanguage = AgentLanguages.English;
    }

    public Guid Id { get; private set; }

    /// <summary>The welcome a new business starts with; the setup checklist asks the owner to write their own.</summary>
    public static string DefaultWelcomeMessage(string businessName) => $"Hi! Welcome to {businessName}. How can I help you today?";

    public Guid TenantId { get; private set; }

    Guid? IMultiTenant.TenantId => TenantId;

    public string AgentName { get; set; }

    public string? Persona { get; set; }

    public string? WelcomeMessage { get; set; }

    public string? ChatCompletionMessage { get; set; }

    public string? VoiceCompletionMessage { get; set; }

    public string? EmergencyMessage { get; set; }

    /// <summary>A <see cref="AgentLanguages"/> code.</summary>
    public string Language { get; set; }

    public string WidgetPrimaryColor { get; set; }

    public string WidgetAccentColor { get; set; }

    public WidgetPosition WidgetPosition { get; set; }

    public string Voice { get; set; }

    public string? VoiceLanguage { get; set; }

    public bool UsePremiumVoice { get; set; }

    /// <summary>
    /// Sites allowed to embed the chat widget, as origins (https://www.example.com). Empty means not installed yet: only the
    /// admin's preview and the API's /demo, always allowed, run it.
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>
    /// Told to every visitor and caller first (before the welcome) when set: that they talk to an AI assistant. Empty by
    /// default, so a business decides its own wording and nothing changes for one that hasn't.
    /// </summary>
    public string? AiDisclosure { get; set; }

    /// <summary>Told first after <see cref="AiDisclosure"/> when set: that the conversation or call is recorded.</summary>
    public string? RecordingDisclosure { get; set; }

    /// <summary>Conversations and their messages older than this many days are deleted nightly; null keeps them.</summary>
    public int? ConversationRetentionDays { get; set; }

    /// <summary>Call recordings and voicemail transcripts older than this many days are deleted nightly; null keeps them.</summary>
    public int? RecordingRetentionDays { get; set; }

    /// <summary>When the widget last ran on one of <see cref="AllowedOrigins"/> (not the preview or /demo); null until then.</summary>
    public DateTimeOffset? WidgetLastSeenTime { get; set; }

    /// <summary>The origin of <see cref="WidgetLastSeenTime"/>.</summary>
    public string? WidgetLastSeenOrigin { get; set; }
}

public enum WidgetPosition
{
    BottomRight = 0,
    BottomLeft = 1,
}

public static class AgentLanguages
{
    public const string English = "en";

    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>
    {
        ["en"] = "English",
        ["es"] = "Español",
        ["fr"] = "Français",
        ["de"] = "Deutsch",
        ["it"] = "Italiano",
        ["pt"] = "Português",
    };
}

public static class AgentVoices
{
    /// <summary>Twilio &lt;Say&gt; voices, available with the voice agent.</summary>
    public static IReadOnlyList<string> StandardVoices { get; } = ["Polly.Joanna", "Polly.Matthew", "Polly.Lupe", "Polly.Celine", "Polly.Vicki", "Polly.Bianca", "Polly.Camila"];

    /// <summary>OpenAI text-to-speech voices, available with premium voices (PRODUCT.md).</summary>
    public static IReadOnlyList<string> PremiumVoices { get; } = ["nova", "alloy", "onyx", "shimmer", "echo", "fable"];
}
