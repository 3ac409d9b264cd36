using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.KnowledgeBase;
using SmbAgent.Permissions;

namespace SmbAgent.Web.Pages.Workspace.Knowledge;

/// <summary>Adds text the owner types or pastes, plain or Markdown.</summary>
[Authorize(Policy = SmbPermissions.Knowledge.Manage)]
public sealed class AddTextModel(KnowledgeSourceAppService sources) : PageModel
{
    [BindProperty]
    public TextForm Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? Page()
            : await SourceForms.CreateAsync(this, () => sources.CreateTextAsync(Input.ToDto(), cancellationToken));

    public sealed class TextForm
    {
        public string? Title { get; set; }

        public string? Text { get; set; }

        public string? Language { get; set; } = KnowledgeLanguages.Default;

        public bool IsMarkdown { get; set; }

        public CreateTextSourceDto ToDto() => new()
        {
            Title = Title ?? string.Empty,
            Text = Text ?? string.Empty,
            Language = Language ?? string.Empty,
            IsMarkdown = IsMarkdown,
        };
    }
}
