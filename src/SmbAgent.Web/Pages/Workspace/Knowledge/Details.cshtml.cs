using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.Data;
using SmbAgent.KnowledgeBase;
using SmbAgent.Permissions;

namespace SmbAgent.Web.Pages.Workspace.Knowledge;

/// <summary>One source with its passages; managers edit typed content here, which queues it for indexing again.</summary>
[Authorize(Policy = SmbPermissions.Knowledge.Default)]
public sealed class DetailsModel(KnowledgeSourceAppService sources, IAuthorizationService authorization) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public EditForm Input { get; set; } = new();

    public KnowledgeSourceDetailsDto Details { get; private set; } = null!;

    public bool CanManage { get; private set; }

    public bool CanEdit => CanManage && KnowledgeDisplay.IsEditable(Details.Source.Kind);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Input = new EditForm { Title = Details.Source.Title, Text = Details.Content, Language = Details.Source.Language };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, SmbPermissions.Knowledge.Manage)).Succeeded)
        {
            return Forbid();
        }

        if (ModelState.IsValid)
        {
            try
            {
                await sources.UpdateTextAsync(Id, Input.ToDto(), cancellationToken);
                TempData["Success"] = "The changes are saved. The source is being indexed again.";
                return RedirectToPage(new { id = Id });
            }
            catch (EntityNotFoundException)
            {
                return NotFound();
            }
            catch (ValidationException e)
            {
                SourceForms.AddErrors(this, e);
            }
            catch (BusinessException e)
            {
                ModelState.AddModelError(string.Empty, e.Message);
            }
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Details = await sources.GetAsync(Id, cancellationToken);
        }
        catch (EntityNotFoundException)
        {
            return false;
        }

        CanManage = (await authorization.AuthorizeAsync(User, SmbPermissions.Knowledge.Manage)).Succeeded;
        return true;
    }

    public sealed class EditForm
    {
        public string? Title { get; set; }

        public string? Text { get; set; }

        public string? Language { get; set; } = KnowledgeLanguages.Default;

        public UpdateTextSourceDto ToDto() => new() { Title = Title ?? string.Empty, Text = Text ?? string.Empty, Language = Language ?? string.Empty };
    }
}
