using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.Data;
using SmbAgent.KnowledgeBase;
using SmbAgent.Permissions;

namespace SmbAgent.Web.Pages.Workspace.Knowledge;

/// <summary>The knowledge sources with their indexing status. Staff may look; changes need <see cref="SmbPermissions.Knowledge.Manage"/>.</summary>
[Authorize(Policy = SmbPermissions.Knowledge.Default)]
public sealed class IndexModel(KnowledgeSourceAppService sources, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<KnowledgeSourceDto> Sources { get; private set; } = [];

    public bool CanManage { get; private set; }

    /// <summary>Some source waits for or is in indexing: the page watches for it to finish.</summary>
    public bool AnyBusy => Sources.Any(s => KnowledgeDisplay.IsBusy(s.Status));

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>Polled by the list while sources are indexing; the page reloads when a status changes.</summary>
    public async Task<JsonResult> OnGetStatusAsync(CancellationToken cancellationToken) =>
        new((await sources.GetListAsync(cancellationToken)).Select(s => new SourceStatus(s.Id, s.Status.ToString())));

    public Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken) =>
        ManageAsync(async () =>
        {
            await sources.DeleteAsync(id, cancellationToken);
            return "The source is deleted; the agent no longer uses it.";
        });

    public Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken cancellationToken) =>
        ManageAsync(async () => $"\u201C{(await sources.RetryAsync(id, cancellationToken)).Title}\u201D is queued for indexing again.");

    public Task<IActionResult> OnPostRefetchAsync(Guid id, CancellationToken cancellationToken) =>
        ManageAsync(async () => $"\u201C{(await sources.RefetchAsync(id, cancellationToken)).Title}\u201D will be fetched and indexed again.");

    private async Task<IActionResult> ManageAsync(Func<Task<string>> change)
    {
        if (!(await authorization.AuthorizeAsync(User, SmbPermissions.Knowledge.Manage)).Succeeded)
        {
            return Forbid();
        }

        try
        {
            TempData["Success"] = await change();
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
        catch (BusinessException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
            await LoadAsync(HttpContext.RequestAborted);
            return Page();
        }

        return RedirectToPage(SourceForms.ListPage);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Sources = await sources.GetListAsync(cancellationToken);
        CanManage = (await authorization.AuthorizeAsync(User, SmbPermissions.Knowledge.Manage)).Succeeded;
    }

    public sealed record SourceStatus(Guid Id, string Status);
}
