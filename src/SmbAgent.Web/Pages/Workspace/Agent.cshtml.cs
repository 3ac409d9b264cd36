using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.Features;
using SmbAgent.Permissions;
using SmbAgent.Web.Navigation;
using SmbAgent.Workspace;

namespace SmbAgent.Web.Pages.Workspace;

/// <summary>Agent settings; the voice part only with the voice agent (the app service enforces it).</summary>
[Authorize(Policy = SmbPermissions.Workspace.ManageSettings)]
public sealed class AgentModel(AgentSettingsAppService agentSettings, EditionCatalog editions) : PageModel
{
    [BindProperty]
    public AgentSettingsInput Input { get; set; } = new();

    public AgentSettingsView View { get; private set; } = null!;

    /// <summary>Shown instead of the voice settings, or after a refused voice change.</summary>
    public UpgradePrompt? VoicePrompt { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input = View.Input;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            try
            {
                await agentSettings.UpdateAsync(Input, cancellationToken);
                TempData["Success"] = "The agent settings are saved.";
                return RedirectToPage();
            }
            catch (ValidationException e)
            {
                ModelState.AddErrors(e, nameof(Input));
            }
            catch (FeatureNotEnabledException e)
            {
                await LoadAsync(cancellationToken);
                ModelState.AddModelError(string.Empty, "Nothing was saved: these voice settings are not part of your plan.");
                VoicePrompt = await editions.PromptAsync(e.FeatureName, "Voice settings are not part of your plan", VoiceMessage(e.FeatureName), cancellationToken: cancellationToken);
                return Page();
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        View = await agentSettings.GetAsync(cancellationToken);
        if (!View.VoiceEnabled)
        {
            VoicePrompt = await editions.PromptAsync(SmbFeatures.Voice.Agent, "Answer your phone with the agent", VoiceMessage(SmbFeatures.Voice.Agent), cancellationToken: cancellationToken);
        }
    }

    private static string VoiceMessage(string feature) => feature == SmbFeatures.Voice.PremiumVoices
        ? "Premium voices (nova, alloy, onyx, shimmer, echo, fable) come with a higher plan."
        : "The voice agent, its voice and language come with a higher plan.";
}
