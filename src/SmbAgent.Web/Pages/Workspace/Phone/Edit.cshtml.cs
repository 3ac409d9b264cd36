using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.Permissions;
using SmbAgent.Voice.PhoneLines;
using SmbAgent.Web.Navigation;

namespace SmbAgent.Web.Pages.Workspace.Phone;

/// <summary>Adds a Twilio number or edits one of the business's own; the auth token is write-only.</summary>
[Authorize(Policy = SmbPermissions.Voice.Manage)]
public sealed class EditModel(PhoneLineAppService lines, IFeatureChecker features, EditionCatalog editions) : PageModel
{
    [BindProperty]
    public CreateUpdatePhoneLineDto Input { get; set; } = new();

    [FromRoute]
    public Guid? Id { get; set; }

    public bool VoiceEnabled { get; private set; }

    public bool PremiumVoicesEnabled { get; private set; }

    public UpgradePrompt? Prompt { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!VoiceEnabled || Id is not { } id)
        {
            return Page();
        }

        try
        {
            Input = await lines.GetForEditAsync(id, cancellationToken);
            return Page();
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (Id is { } id)
            {
                await lines.UpdateAsync(id, Input, cancellationToken);
                TempData["Success"] = "The number is saved.";
            }
            else
            {
                await lines.CreateAsync(Input, cancellationToken);
                TempData["Success"] = "The number is added. Paste the webhooks below into Twilio, then test your setup.";
            }

            return RedirectToPage("/Workspace/Phone");
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
        catch (ValidationException e)
        {
            ModelState.AddErrors(e, nameof(Input));
        }
        catch (FeatureNotEnabledException e)
        {
            ModelState.AddModelError(string.Empty, "Nothing was saved: this is not part of your plan.");
            Prompt = e.FeatureName == SmbFeatures.Voice.PremiumVoices
                ? await PhonePrompts.PremiumVoicesAsync(editions, cancellationToken)
                : await PhonePrompts.VoiceAgentAsync(editions, cancellationToken);
        }

        // The token typed in is not sent back: the owner types it again rather than find it in the page's source.
        Input.AuthToken = null;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        VoiceEnabled = await features.IsEnabledAsync(SmbFeatures.Voice.Agent, cancellationToken);
        PremiumVoicesEnabled = VoiceEnabled && await features.IsEnabledAsync(SmbFeatures.Voice.PremiumVoices, cancellationToken);
        if (!VoiceEnabled)
        {
            Prompt ??= await PhonePrompts.VoiceAgentAsync(editions, cancellationToken);
        }
    }
}
