using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.Data;
using SmbAgent.HostAdmin;
using SmbAgent.Permissions;

namespace SmbAgent.Web.Pages.Host.Editions;

[Authorize(SmbPermissions.Editions.Manage)]
public sealed class CreateEditionModel(EditionAdminAppService editions, IValidator<CreateEditionInput> validator) : PageModel
{
    [BindProperty]
    public CreateEditionForm Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var input = new CreateEditionInput(Input.Name ?? string.Empty, Input.DisplayName ?? string.Empty, Input.SortOrder);
        foreach (var error in (await validator.ValidateAsync(input, cancellationToken)).Errors)
        {
            ModelState.AddModelError("Input." + error.PropertyName, error.ErrorMessage);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var id = await editions.CreateAsync(input, cancellationToken);
            TempData["Success"] = "The edition was created; set its feature values below.";
            return RedirectToPage("/Host/Editions/Edit", new { id });
        }
        catch (BusinessException e)
        {
            ModelState.AddModelError("Input.Name", e.Message);
            return Page();
        }
    }

    public sealed class CreateEditionForm
    {
        [Display(Name = "Code")]
        public string? Name { get; set; }

        [Display(Name = "Display name")]
        public string? DisplayName { get; set; }

        [Display(Name = "Sort order")]
        public int SortOrder { get; set; } = 10;
    }
}
