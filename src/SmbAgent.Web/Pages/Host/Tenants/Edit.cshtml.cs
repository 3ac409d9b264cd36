using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.HostAdmin;
using SmbAgent.Permissions;
using SmbAgent.Privacy;
using SmbAgent.Tenancy;

namespace SmbAgent.Web.Pages.Host.Tenants;

[Authorize(SmbPermissions.Tenants.Manage)]
public sealed class EditTenantModel(TenantAdminAppService tenants, TenantDeletionAppService deletions) : PageModel
{
    private readonly Dictionary<string, string> _featureErrors = new(StringComparer.Ordinal);

    [BindProperty]
    public TenantDetailsForm Input { get; set; } = new();

    public TenantDetails Tenant { get; private set; } = null!;

    public IReadOnlyList<EditionOption> Editions { get; private set; } = [];

    public string? FeatureError(string featureName) => _featureErrors.GetValueOrDefault(featureName);

    /// <summary>The value a feature's input shows: the one just posted when it was refused, else the effective one.</summary>
    public string FeatureInputValue(TenantFeatureState feature) =>
        _featureErrors.ContainsKey(feature.Definition.Name) && Request.Form.TryGetValue("value", out var posted) ? posted.ToString() : feature.EffectiveValue;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = new TenantDetailsForm { Name = Tenant.Name, EditionId = Tenant.EditionId };
        return Page();
    }

    public async Task<IActionResult> OnPostDetailsAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!Editions.Any(e => e.Id == Input.EditionId))
        {
            ModelState.AddModelError("Input.EditionId", "Choose an edition.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            await tenants.RenameAsync(id, Input.Name, cancellationToken);
        }
        catch (BusinessException e)
        {
            ModelState.AddModelError("Input.Name", e.Message);
            return Page();
        }

        await tenants.ChangeEditionAsync(id, Input.EditionId, cancellationToken);
        TempData["Success"] = "The tenant was saved.";
        return RedirectToPage(new { id });
    }

    public Task<IActionResult> OnPostDeactivateAsync(Guid id, CancellationToken cancellationToken) =>
        SetActiveAsync(id, active: false, "The tenant was deactivated; its users are refused until it is reactivated.", cancellationToken);

    public Task<IActionResult> OnPostReactivateAsync(Guid id, CancellationToken cancellationToken) =>
        SetActiveAsync(id, active: true, "The tenant was reactivated.", cancellationToken);

    public int GracePeriodDays => (int)Math.Ceiling(deletions.GracePeriod.TotalDays);

    public async Task<IActionResult> OnPostScheduleDeletionAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await tenants.GetAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        var due = await deletions.ScheduleAsync(id, cancellationToken);
        TempData["Success"] = $"The tenant was deactivated; its data is deleted after {due:yyyy-MM-dd HH:mm} UTC unless it is restored.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRestoreDeletionAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await tenants.GetAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        await deletions.RestoreAsync(id, cancellationToken);
        TempData["Success"] = "The deletion was cancelled and the tenant reactivated.";
        return RedirectToPage(new { id });
    }

    /// <summary>Overrides one feature (<paramref name="reset"/>: back to the edition's value).</summary>
    public async Task<IActionResult> OnPostFeatureAsync(Guid id, string? feature, string? value, bool reset, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var definition = feature is null ? null : SmbFeatureDefinitions.Find(feature);
        if (definition is null)
        {
            ModelState.AddModelError(string.Empty, "There is no such feature.");
            return Page();
        }

        ModelState.Clear();
        Input = new TenantDetailsForm { Name = Tenant.Name, EditionId = Tenant.EditionId };
        if (!reset && !definition.ValueType.IsValid(value?.Trim()))
        {
            _featureErrors[definition.Name] = UpdateEditionInputValidator.Describe(definition);
            return Page();
        }

        await tenants.SetFeatureAsync(id, definition.Name, reset ? null : value!.Trim(), cancellationToken);
        TempData["Success"] = reset ? $"{definition.DisplayName} uses the edition value again." : $"{definition.DisplayName} is overridden for this tenant.";
        return RedirectToPage(null, null, new { id }, "features");
    }

    private async Task<IActionResult> SetActiveAsync(Guid id, bool active, string message, CancellationToken cancellationToken)
    {
        if (await tenants.GetAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        await tenants.SetActiveAsync(id, active, cancellationToken);
        TempData["Success"] = message;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await tenants.GetAsync(id, cancellationToken) is not { } tenant)
        {
            return false;
        }

        Tenant = tenant;
        Editions = await tenants.GetEditionOptionsAsync(cancellationToken);
        return true;
    }

    public sealed class TenantDetailsForm
    {
        [Required(ErrorMessage = "Enter the business name.")]
        [StringLength(TenantConsts.MaxNameLength, ErrorMessage = "At most {1} characters.")]
        [Display(Name = "Business name")]
        public string Name { get; set; } = string.Empty;

        [Display(Name = "Edition")]
        public Guid EditionId { get; set; }
    }
}
