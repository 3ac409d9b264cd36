using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.Voice.Speech;

namespace SmbAgent.Workspace;

/// <summary>The current tenant's agent settings. Voice settings are enforced against the plan here, not only hidden.</summary>
public sealed class AgentSettingsAppService(
    ISmbAgentDbContext db,
    IFeatureChecker features,
    IValidator<AgentSettingsInput> validator,
    WorkspaceSettingsCache workspace,
    SpeechPreparation speech)
{
    public async Task<AgentSettingsView> GetAsync(CancellationToken cancellationToken = default)
    {
        var settings = await FindAsync(cancellationToken);
        var voice = await features.IsEnabledAsync(SmbFeatures.Voice.Agent, cancellationToken);
        var premium = voice && await features.IsEnabledAsync(SmbFeatures.Voice.PremiumVoices, cancellationToken);
        var input = new AgentSettingsInput
        {
            AgentName = settings.AgentName,
            Persona = settings.Persona,
            WelcomeMessage = settings.WelcomeMessage,
            ChatCompletionMessage = settings.ChatCompletionMessage,
            VoiceCompletionMessage = settings.VoiceCompletionMessage,
            EmergencyMessage = settings.EmergencyMessage,
            Language = settings.Language,
            WidgetPrimaryColor = settings.WidgetPrimaryColor,
            WidgetAccentColor = settings.WidgetAccentColor,
            WidgetPosition = settings.WidgetPosition,
            Voice = voice ? settings.Voice : null,
            VoiceLanguage = voice ? settings.VoiceLanguage ?? settings.Language : null,
            UsePremiumVoice = voice ? settings.UsePremiumVoice : null,
        };
        return new AgentSettingsView(input, voice, premium, premium ? [.. AgentVoices.StandardVoices, .. AgentVoices.PremiumVoices] : AgentVoices.StandardVoices);
    }

    /// <summary>
    /// Saves the settings. Voice fields need the voice agent and a premium voice needs premium voices:
    /// otherwise <see cref="FeatureNotEnabledException"/> and nothing is saved.
    /// </summary>
    public async Task UpdateAsync(AgentSettingsInput input, CancellationToken cancellationToken = default)
    {
        // The plan comes first: a crafted form from a plan without voice is refused whatever it holds.
        if (input.SendsVoiceSettings)
        {
            await features.CheckEnabledAsync(SmbFeatures.Voice.Agent, cancellationToken);
            if (input.UsePremiumVoice == true || AgentVoices.PremiumVoices.Contains(input.Voice ?? string.Empty))
            {
                await features.CheckEnabledAsync(SmbFeatures.Voice.PremiumVoices, cancellationToken);
            }
        }

        await validator.ValidateAndThrowAsync(input, cancellationToken);

        var settings = await FindAsync(cancellationToken);
        var spoken = SpokenSettings(settings);
        settings.AgentName = input.AgentName!.Trim();
        settings.Persona = Blank(input.Persona);
        settings.WelcomeMessage = Blank(input.WelcomeMessage);
        settings.ChatCompletionMessage = Blank(input.ChatCompletionMessage);
        settings.VoiceCompletionMessage = Blank(input.VoiceCompletionMessage);
        settings.EmergencyMessage = Blank(input.EmergencyMessage);
        settings.Language = input.Language!;
        settings.WidgetPrimaryColor = input.WidgetPrimaryColor!.ToUpperInvariant();
        settings.WidgetAccentColor = input.WidgetAccentColor!.ToUpperInvariant();
        settings.WidgetPosition = input.WidgetPosition;
        if (input.SendsVoiceSettings)
        {
            settings.Voice = input.Voice ?? settings.Voice;
            settings.VoiceLanguage = input.VoiceLanguage ?? settings.VoiceLanguage;
            settings.UsePremiumVoice = input.UsePremiumVoice ?? AgentVoices.PremiumVoices.Contains(settings.Voice);
        }

        var greetingChanged = spoken != SpokenSettings(settings);
        await db.SaveChangesAsync(cancellationToken);
        await workspace.InvalidateAsync(cancellationToken);
        if (greetingChanged)
        {
            await speech.QueueAsync(cancellationToken);
        }
    }

    // What the greeting a caller hears is made of: a change has it synthesised again in the lines' premium voices.
    private static (string, string?, string, string?) SpokenSettings(AgentSettings settings) =>
        (settings.AgentName, settings.WelcomeMessage, settings.Language, settings.VoiceLanguage);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private async Task<AgentSettings> FindAsync(CancellationToken cancellationToken) =>
        await db.AgentSettings.FirstOrDefaultAsync(cancellationToken)
        ?? throw new EntityNotFoundException(nameof(AgentSettings), "current tenant");
}
