using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.KnowledgeBase;
using SmbAgent.Permissions;

namespace SmbAgent.Web.Pages.Workspace.Knowledge;

/// <summary>Adds questions with their answers, typed as "Q: …" / "A: …" lines.</summary>
[Authorize(Policy = SmbPermissions.Knowledge.Manage)]
public sealed class AddFaqModel(KnowledgeSourceAppService sources) : PageModel
{
    [BindProperty]
    public FaqForm Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        !ModelState.IsValid
            ? Page()
            : await SourceForms.CreateAsync(this, () => sources.CreateFaqAsync(Input.ToDto(), cancellationToken), FaqForm.FieldOf);

    public sealed class FaqForm
    {
        public string? Title { get; set; }

        public string? Text { get; set; }

        public string? Language { get; set; } = KnowledgeLanguages.Default;

        /// <summary>The form has no list of pairs: "add at least one" belongs to the text box.</summary>
        public static string FieldOf(string propertyName) =>
            propertyName.StartsWith(nameof(CreateFaqSourceDto.Pairs), StringComparison.Ordinal) ? nameof(Text) : propertyName;

        public CreateFaqSourceDto ToDto() => new() { Title = Title ?? string.Empty, Text = Text, Language = Language ?? string.Empty };
    }
}
