namespace SmbAgent.Workspace;

/// <summary>
/// The agent settings form. The voice fields are null when the form did not send them (a plan without
/// the voice agent shows none); sending them without the feature is refused. Text fields are nullable
/// so an empty one gets the validator's message rather than the framework's.
/// </summary>
public sealed class AgentSettingsInput
{
    public string? AgentName { get; set; }

    public string? Persona { get; set; }

    public string? WelcomeMessage { get; set; }

    public string? ChatCompletionMessage { get; set; }

    public string? VoiceCompletionMessage { get; set; }

    public string? EmergencyMessage { get; set; }

    public string? Language { get; set; }

    public string? WidgetPrimaryColor { get; set; }

    public string? WidgetAccentColor { get; set; }

    public WidgetPosition WidgetPosition { get; set; }

    public string? Voice { get; set; }

    public string? VoiceLanguage { get; set; }

    public bool? UsePremiumVoice { get; set; }

    public bool SendsVoiceSettings => Voice is not null || VoiceLanguage is not null || UsePremiumVoice is not null;
}

/// <summary>The form's values and what the plan lets the tenant change.</summary>
public sealed record AgentSettingsView(AgentSettingsInput Input, bool VoiceEnabled, bool PremiumVoicesEnabled, IReadOnlyList<string> Voices);
