using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.Data;
using SmbAgent.Permissions;
using SmbAgent.Plans;

namespace SmbAgent.Web.Pages.Workspace;

/// <summary>The plan: every edition compared from its feature values; owners may switch when the platform allows it.</summary>
public sealed class PlanModel(PlanAppService plans, IAuthorizationService authorization) : PageModel
{
    public PlanOverview Overview { get; private set; } = null!;

    public bool CanChange { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostChangeAsync(Guid editionId, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, SmbPermissions.Workspace.ManagePlan)).Succeeded)
        {
            return Forbid();
        }

        try
        {
            await plans.ChangeAsync(editionId, cancellationToken);
            TempData["Success"] = "Your plan is changed.";
            return RedirectToPage();
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
        catch (BusinessException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Overview = await plans.GetAsync(cancellationToken);
        CanChange = Overview.SelfServiceAllowed && (await authorization.AuthorizeAsync(User, SmbPermissions.Workspace.ManagePlan)).Succeeded;
    }
}
