using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.Permissions;
using SmbAgent.Web.Navigation;
using SmbAgent.Webhooks;

namespace SmbAgent.Web.Pages.Workspace.Webhooks;

/// <summary>
/// The business's outbound webhooks: add one (its secret shown right away, and again on demand), remove one, and a
/// subscription's delivery log with replay. Without API access in the plan, the upgrade prompt instead.
/// </summary>
/// <remarks>A secret is rendered into the response of the POST that asked for it, never carried through a redirect.</remarks>
[Authorize(Policy = SmbPermissions.Webhooks.Manage)]
public sealed class IndexModel(WebhookAppService webhooks, EditionCatalog editions) : PageModel
{
    [BindProperty]
    public CreateWebhookSubscriptionDto Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public Guid? Subscription { get; set; }

    public IReadOnlyList<WebhookSubscriptionDto>? Subscriptions { get; private set; }

    public IReadOnlyList<WebhookDeliveryDto>? Deliveries { get; private set; }

    public UpgradePrompt? Prompt { get; private set; }

    /// <summary>A secret just created or asked for, and the subscription it belongs to.</summary>
    public (Guid SubscriptionId, string Secret)? ShownSecret { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => PageAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        try
        {
            var created = await webhooks.CreateAsync(Input, cancellationToken);
            ShownSecret = (created.Subscription.Id, created.Secret);
            Input = new();
            ModelState.Clear();
            TempData["Success"] = "The webhook is added. Copy its secret now to check the signatures of what it receives.";
        }
        catch (ValidationException e)
        {
            ModelState.AddErrors(e, nameof(Input));
        }
        catch (BusinessException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
        }
        catch (FeatureNotEnabledException)
        {
            return await PageAsync(cancellationToken);
        }

        return await PageAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostSecretAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            ShownSecret = (id, await webhooks.GetSecretAsync(id, cancellationToken));
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
        catch (FeatureNotEnabledException)
        {
            return await PageAsync(cancellationToken);
        }

        return await PageAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await webhooks.DeleteAsync(id, cancellationToken);
            TempData["Success"] = "The webhook is removed: nothing more is sent to it.";
            return RedirectToPage();
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
        catch (FeatureNotEnabledException)
        {
            return await PageAsync(cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostReplayAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        try
        {
            if (await webhooks.ReplayAsync(deliveryId, cancellationToken))
            {
                TempData["Success"] = "The delivery is queued to be sent again, with the same event id and body.";
            }
            else
            {
                TempData["Error"] = "This delivery is already waiting to be sent.";
            }

            return RedirectToPage(new { Subscription });
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
        catch (FeatureNotEnabledException)
        {
            return await PageAsync(cancellationToken);
        }
    }

    private async Task<IActionResult> PageAsync(CancellationToken cancellationToken)
    {
        try
        {
            Subscriptions = await webhooks.GetListAsync(cancellationToken);
            if (Subscription is { } id)
            {
                Deliveries = await webhooks.GetDeliveriesAsync(id, cancellationToken);
            }
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
        catch (FeatureNotEnabledException)
        {
            Subscriptions = null;
            Deliveries = null;
            ShownSecret = null;
            Prompt = await editions.PromptAsync(
                SmbFeatures.Platform.ApiAccess,
                "Send your leads to your own systems",
                "Webhooks post every new lead, finished conversation, emergency and call to your CRM or automation tool, signed so it knows they came from us. They come with a higher plan.",
                cancellationToken: cancellationToken);
        }

        return Page();
    }
}
