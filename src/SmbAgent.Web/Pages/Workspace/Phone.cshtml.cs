using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.Permissions;
using SmbAgent.Twilio;
using SmbAgent.Voice.PhoneLines;
using SmbAgent.Web.Navigation;

namespace SmbAgent.Web.Pages.Workspace;

/// <summary>
/// The business's Twilio numbers: what to paste into Twilio for each, "test my setup", and links to add, edit or remove
/// one. Below the voice agent's plan, the upgrade prompt instead.
/// </summary>
[Authorize(Policy = SmbPermissions.Voice.Manage)]
public sealed class PhoneModel(PhoneLineAppService lines, EditionCatalog editions) : PageModel
{
    public PhoneLineListDto? Lines { get; private set; }

    public UpgradePrompt? Prompt { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>The account check comes with the request: showing the page has no use for a Twilio client.</summary>
    public async Task<IActionResult> OnPostTestAsync(Guid id, [FromServices] ITwilioAccountCheck check, CancellationToken cancellationToken)
    {
        try
        {
            var result = await lines.TestAsync(id, check, cancellationToken);
            if (result.Passed)
            {
                TempData["Success"] = "Your setup works: Twilio knows the number and sends its calls to the agent.";
            }
            else
            {
                TempData["Error"] = $"The test found a problem: {result.Problem}";
            }

            return RedirectToPage();
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
        catch (FeatureNotEnabledException)
        {
            return await RefusedAsync(cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await lines.DeleteAsync(id, cancellationToken);
            TempData["Success"] = "The number is removed: the agent no longer answers its calls.";
            return RedirectToPage();
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
        catch (FeatureNotEnabledException)
        {
            return await RefusedAsync(cancellationToken);
        }
    }

    private async Task<IActionResult> RefusedAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Lines = await lines.GetListAsync(cancellationToken);
        }
        catch (FeatureNotEnabledException)
        {
            Prompt = await PhonePrompts.VoiceAgentAsync(editions, cancellationToken);
        }
    }
}

public static class PhonePrompts
{
    public static Task<UpgradePrompt> VoiceAgentAsync(EditionCatalog editions, CancellationToken cancellationToken) =>
        editions.PromptAsync(
            SmbFeatures.Voice.Agent,
            "Answer your phone with the agent",
            "Connect your Twilio number and the agent answers your calls with the same knowledge and lead questions as the chat. It comes with a higher plan.",
            cancellationToken: cancellationToken);

    public static Task<UpgradePrompt> PremiumVoicesAsync(EditionCatalog editions, CancellationToken cancellationToken) =>
        editions.PromptAsync(
            SmbFeatures.Voice.PremiumVoices,
            "Premium voices are not part of your plan",
            "Premium voices (nova, alloy, onyx, shimmer, echo, fable) come with a higher plan. Nothing was saved.",
            cancellationToken: cancellationToken);
}
