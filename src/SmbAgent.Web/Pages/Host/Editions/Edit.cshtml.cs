using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.Features;
using SmbAgent.HostAdmin;
using SmbAgent.Permissions;

namespace SmbAgent.Web.Pages.Host.Editions;

[Authorize(SmbPermissions.Editions.Manage)]
public sealed class EditEditionModel(EditionAdminAppService editions, IValidator<UpdateEditionInput> validator) : PageModel
{
    [BindProperty]
    public EditionForm Input { get; set; } = new();

    public EditionDetails Edition { get; private set; } = null!;

    public static string ValueKey(string featureName) => $"Input.Values[{featureName}]";

    public string? ValueError(string featureName) =>
        ModelState.TryGetValue(ValueKey(featureName), out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public string ValueOf(FeatureDefinition definition) => Input.Values.GetValueOrDefault(definition.Name) ?? string.Empty;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await editions.GetAsync(id, cancellationToken) is not { } edition)
        {
            return NotFound();
        }

        Edition = edition;
        Input = new EditionForm
        {
            DisplayName = edition.DisplayName,
            SortOrder = edition.SortOrder,
            Values = edition.Features.ToDictionary(f => f.Definition.Name, f => (string?)f.Value, StringComparer.Ordinal),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await editions.GetAsync(id, cancellationToken) is not { } edition)
        {
            return NotFound();
        }

        Edition = edition;
        var values = SmbFeatureDefinitions.All.ToDictionary(d => d.Name, d => Input.Values.GetValueOrDefault(d.Name)?.Trim(), StringComparer.Ordinal);
        var input = new UpdateEditionInput(Input.DisplayName ?? string.Empty, Input.SortOrder, values);
        foreach (var error in (await validator.ValidateAsync(input, cancellationToken)).Errors)
        {
            var key = SmbFeatureDefinitions.Find(error.PropertyName) is null ? "Input." + error.PropertyName : ValueKey(error.PropertyName);
            ModelState.AddModelError(key, error.ErrorMessage);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await editions.UpdateAsync(id, input, cancellationToken);
        TempData["Success"] = $"{input.DisplayName.Trim()} was saved.";
        return RedirectToPage(new { id });
    }

    public sealed class EditionForm
    {
        [Display(Name = "Display name")]
        public string? DisplayName { get; set; }

        [Display(Name = "Sort order")]
        public int SortOrder { get; set; }

        public Dictionary<string, string?> Values { get; set; } = new(StringComparer.Ordinal);
    }
}
