using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.Data;
using SmbAgent.Identity;
using SmbAgent.Permissions;
using SmbAgent.Team;

namespace SmbAgent.Web.Pages.Workspace;

/// <summary>The business's users: invite by email, change roles, remove.</summary>
[Authorize(Policy = SmbPermissions.Workspace.ManageTeam)]
public sealed class TeamModel(TeamAppService team) : PageModel
{
    [BindProperty]
    public InviteInput Invite { get; set; } = new();

    public IReadOnlyList<TeamMemberDto> Members { get; private set; } = [];

    public Guid CurrentUserId => Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;

    /// <summary>What each role may do, from the role stereotypes.</summary>
    public static IReadOnlyList<(PermissionDefinition Permission, bool Owner, bool Staff)> RolePermissions { get; } =
    [
        .. SmbPermissionDefinitions.All
            .Where(p => p.Side.HasFlag(MultiTenancySides.Tenant))
            .Select(p => (p,
                SmbPermissionDefinitions.DefaultGrants(SmbRoles.Owner, isHost: false).Contains(p.Name),
                SmbPermissionDefinitions.DefaultGrants(SmbRoles.Staff, isHost: false).Contains(p.Name))),
    ];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Members = await team.GetMembersAsync(cancellationToken);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        try
        {
            var member = await team.InviteAsync(Invite, cancellationToken);
            TempData["Success"] = $"{member.Email} is invited: we emailed a link to choose a password.";
            return RedirectToPage();
        }
        catch (ValidationException e)
        {
            ModelState.AddErrors(e, nameof(Invite));
        }
        catch (BusinessException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
        }

        Members = await team.GetMembersAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostRoleAsync(Guid userId, string role, CancellationToken cancellationToken) =>
        ChangeAsync(() => team.ChangeRoleAsync(userId, role, cancellationToken), "The role is changed.", cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(Guid userId, CancellationToken cancellationToken) =>
        ChangeAsync(() => team.RemoveAsync(userId, CurrentUserId, cancellationToken), "The user is removed.", cancellationToken);

    private async Task<IActionResult> ChangeAsync(Func<Task> change, string success, CancellationToken cancellationToken)
    {
        try
        {
            await change();
            TempData["Success"] = success;
            return RedirectToPage();
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
        catch (BusinessException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
            Members = await team.GetMembersAsync(cancellationToken);
            return Page();
        }
    }
}
