using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.KnowledgeBase;
using SmbAgent.Permissions;

namespace SmbAgent.Web.Pages.Workspace.Knowledge;

/// <summary>
/// Uploads a PDF. The form reader buffers the file on disk; its size is checked before it is read into
/// memory for the app service, which keeps it for the ingestion job.
/// </summary>
[Authorize(Policy = SmbPermissions.Knowledge.Manage)]
[PdfUploadLimit]
public sealed class AddPdfModel(KnowledgeSourceAppService sources) : PageModel
{
    private const string FileField = $"{nameof(Input)}.{nameof(PdfForm.File)}";

    [BindProperty]
    public PdfForm Input { get; set; } = new();

    public void OnGet()
    {
        if (TempData[PdfUploadLimitAttribute.TooLargeKey] is true)
        {
            ModelState.AddModelError(FileField, PdfUploadLimitAttribute.TooLargeMessage);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (Input.File is { Length: > KnowledgeSourceConsts.MaxPdfBytes })
        {
            ModelState.AddModelError(FileField, PdfUploadLimitAttribute.TooLargeMessage);
            return Page();
        }

        var content = await ReadAsync(Input.File, cancellationToken);
        return await SourceForms.CreateAsync(this, () => sources.CreatePdfAsync(Input.ToDto(content), cancellationToken), PdfForm.FieldOf);
    }

    private static async Task<byte[]> ReadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return [];
        }

        var content = new byte[file.Length];
        await using var stream = file.OpenReadStream();
        await stream.ReadExactlyAsync(content, cancellationToken);
        return content;
    }

    public sealed class PdfForm
    {
        public IFormFile? File { get; set; }

        public string? Title { get; set; }

        public string? Language { get; set; } = KnowledgeLanguages.Default;

        /// <summary>The file's name and content are both the file field on the form.</summary>
        public static string FieldOf(string propertyName) =>
            propertyName is nameof(CreatePdfSourceDto.Content) or nameof(CreatePdfSourceDto.FileName) ? nameof(File) : propertyName;

        public CreatePdfSourceDto ToDto(byte[] content) => new()
        {
            Title = Title,
            FileName = File?.FileName ?? string.Empty,
            Content = content,
            Language = Language ?? string.Empty,
        };
    }
}
