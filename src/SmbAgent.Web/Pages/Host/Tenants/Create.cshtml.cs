using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.HostAdmin;
using SmbAgent.Permissions;
using SmbAgent.Tenancy;

namespace SmbAgent.Web.Pages.Host.Tenants;

[Authorize(SmbPermissions.Tenants.Manage)]
public sealed class CreateTenantModel(TenantAdminAppService tenants) : PageModel
{
    [BindProperty]
    public CreateTenantForm Input { get; set; } = new();

    public IReadOnlyList<EditionOption> Editions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Editions = await tenants.GetEditionOptionsAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Editions = await tenants.GetEditionOptionsAsync(cancellationToken);
        if (!Editions.Any(e => e.Name == Input.Edition))
        {
            ModelState.AddModelError("Input.Edition", "Choose an edition.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var id = await tenants.CreateAsync(new CreateTenantInput(Input.Name, Input.Edition, Input.OwnerEmail, Input.OwnerPassword), cancellationToken);
            TempData["Success"] = $"{Input.Name.Trim()} was created.";
            return RedirectToPage("/Host/Tenants/Edit", new { id });
        }
        catch (BusinessException e) when (e.Code == "Tenants:DuplicateName")
        {
            ModelState.AddModelError("Input.Name", e.Message);
        }
        catch (BusinessException e)
        {
            // Identity's refusals (weak password, bad email) name the owner's fields.
            ModelState.AddModelError(e.Code.StartsWith("Identity", StringComparison.Ordinal) ? "Input.OwnerPassword" : string.Empty, e.Message);
        }

        return Page();
    }

    public sealed class CreateTenantForm
    {
        [Required(ErrorMessage = "Enter the business name.")]
        [StringLength(TenantConsts.MaxNameLength, ErrorMessage = "At most {1} characters.")]
        [Display(Name = "Business name")]
        public string Name { get; set; } = string.Empty;

        [Required(ErrorMessage = "Choose an edition.")]
        public string Edition { get; set; } = EditionMatrix.Free;

        [Required(ErrorMessage = "Enter the owner's email.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        [StringLength(256)]
        [Display(Name = "Owner email")]
        public string OwnerEmail { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter a password for the owner.")]
        [StringLength(256, MinimumLength = 8, ErrorMessage = "Use at least {2} characters.")]
        [Display(Name = "Owner password")]
        public string OwnerPassword { get; set; } = string.Empty;
    }
}
