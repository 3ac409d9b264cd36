using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.Data;
using SmbAgent.HostAdmin;
using SmbAgent.Permissions;

namespace SmbAgent.Web.Pages.Host.Editions;

[Authorize(SmbPermissions.Editions.Manage)]
public sealed class EditionListModel(EditionAdminAppService editions) : PageModel
{
    public IReadOnlyList<EditionListItem> Editions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Editions = await editions.GetListAsync(cancellationToken);

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await editions.DeleteAsync(id, cancellationToken);
            TempData["Success"] = "The edition was deleted.";
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
        catch (BusinessException e)
        {
            TempData["Error"] = e.Message;
        }

        return RedirectToPage();
    }
}
