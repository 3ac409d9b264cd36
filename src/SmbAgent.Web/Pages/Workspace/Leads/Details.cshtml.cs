using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.Data;
using SmbAgent.Leads;
using SmbAgent.Notifications;
using SmbAgent.Notifications.EmergencyAlerts;
using SmbAgent.Permissions;

namespace SmbAgent.Web.Pages.Workspace.Leads;

/// <summary>One lead: what the visitor gave, the whole conversation, the notifications and the emergency owner call about it, and the follow-up status and notes.</summary>
[Authorize(Policy = SmbPermissions.Leads.Default)]
public sealed class DetailsModel(LeadAppService leads, EmergencyAlertAppService alerts, IAuthorizationService authorization) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public FollowUpForm Input { get; set; } = new();

    public LeadDetailsDto Details { get; private set; } = null!;

    public bool CanManage { get; private set; }

    /// <summary>The owner call, for an urgent lead.</summary>
    public EmergencyAlertDto? Alert { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Input = new FollowUpForm { Status = Details.Lead.Status, OwnerNotes = Details.Lead.OwnerNotes };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, SmbPermissions.Leads.Manage)).Succeeded)
        {
            return Forbid();
        }

        if (ModelState.IsValid)
        {
            try
            {
                await leads.UpdateAsync(Id, Input.ToDto(), cancellationToken);
                TempData["Success"] = "The lead is updated.";
                return RedirectToPage(new { id = Id });
            }
            catch (EntityNotFoundException)
            {
                return NotFound();
            }
            catch (ValidationException e)
            {
                ModelState.AddErrors(e, nameof(Input));
            }
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    /// <summary>
    /// Sends a failed notification again; a sent or queued one is left as it is. The service comes with the request:
    /// it brings Hangfire's job client, which showing the page has no use for.
    /// </summary>
    public async Task<IActionResult> OnPostRetryAsync(Guid deliveryId, [FromServices] NotificationDeliveryAppService deliveries, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, SmbPermissions.Leads.Manage)).Succeeded)
        {
            return Forbid();
        }

        return await DeliveryRetry.PostAsync(this, deliveries, deliveryId, Id, cancellationToken);
    }

    /// <summary>A team member stops the owner call's ladder: someone is on it.</summary>
    public async Task<IActionResult> OnPostAcknowledgeAsync(CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, SmbPermissions.Leads.Manage)).Succeeded)
        {
            return Forbid();
        }

        try
        {
            TempData["Success"] = await alerts.AcknowledgeAsync(Id, User.Identity?.Name ?? "A team member", cancellationToken)
                ? "The emergency is acknowledged: nobody else will be called."
                : "The emergency was already acknowledged.";
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }

        return RedirectToPage(new { id = Id });
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Details = await leads.GetAsync(Id, cancellationToken);
        }
        catch (EntityNotFoundException)
        {
            return false;
        }

        CanManage = (await authorization.AuthorizeAsync(User, SmbPermissions.Leads.Manage)).Succeeded;
        Alert = await alerts.FindForLeadAsync(Id, cancellationToken);
        return true;
    }

    public sealed class FollowUpForm
    {
        public LeadStatus Status { get; set; }

        public string? OwnerNotes { get; set; }

        public UpdateLeadDto ToDto() => new() { Status = Status, OwnerNotes = OwnerNotes };
    }
}
