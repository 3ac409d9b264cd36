using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.Leads;
using SmbAgent.Permissions;
using SmbAgent.Web.Navigation;
using SmbAgent.Workspace;

namespace SmbAgent.Web.Pages.Workspace;

/// <summary>The lead questions in order. Staff may look; changes need <see cref="SmbPermissions.LeadQuestions.Manage"/>.</summary>
[Authorize(Policy = SmbPermissions.LeadQuestions.Default)]
public sealed class QuestionsModel(
    ILeadQuestionAppService questions,
    LeadQuestionOrderAppService order,
    IFeatureChecker features,
    EditionCatalog editions,
    IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<LeadQuestionDto> Questions { get; private set; } = [];

    /// <summary>0 = unlimited.</summary>
    public long Limit { get; private set; }

    public bool CanManage { get; private set; }

    public UpgradePrompt? LimitPrompt { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostMoveAsync(Guid id, int offset, CancellationToken cancellationToken) =>
        ManageAsync(() => order.MoveAsync(id, offset, cancellationToken), null);

    /// <summary>The drag-and-drop script posts the whole new order.</summary>
    public Task<IActionResult> OnPostReorderAsync(List<Guid> orderedIds, CancellationToken cancellationToken) =>
        ManageAsync(() => order.ReorderAsync(orderedIds, cancellationToken), "The new order is saved.");

    public Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken) =>
        ManageAsync(() => questions.DeleteAsync(id, cancellationToken), "The question is deleted.");

    private async Task<IActionResult> ManageAsync(Func<Task> change, string? success)
    {
        if (!(await authorization.AuthorizeAsync(User, SmbPermissions.LeadQuestions.Manage)).Succeeded)
        {
            return Forbid();
        }

        try
        {
            await change();
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

        if (success is not null)
        {
            TempData["Success"] = success;
        }

        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Questions = await questions.GetListAsync(cancellationToken);
        Limit = await features.GetLimitAsync(SmbFeatures.Leads.MaxQuestions, cancellationToken);
        CanManage = (await authorization.AuthorizeAsync(User, SmbPermissions.LeadQuestions.Manage)).Succeeded;
        if (CanManage && Limit != SmbFeatureDefinitions.Unlimited && Questions.Count >= Limit)
        {
            LimitPrompt = await editions.PromptAsync(
                SmbFeatures.Leads.MaxQuestions,
                "You have reached your plan's number of questions",
                $"Your plan allows {Limit} lead questions. Delete one, or upgrade for more.",
                Limit,
                cancellationToken);
        }
    }
}
