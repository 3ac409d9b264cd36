using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.Data;
using SmbAgent.Permissions;
using SmbAgent.Privacy;

namespace SmbAgent.Web.Pages.Workspace;

/// <summary>Retention and disclosures, and one contact's export and erasure: the owner's data-protection duties.</summary>
[Authorize(Policy = SmbPermissions.Workspace.ManagePrivacy)]
public sealed class PrivacyModel(PrivacySettingsAppService settings, ContactDataAppService contacts) : PageModel
{
    private static readonly JsonSerializerOptions ExportJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    [BindProperty]
    public PrivacySettingsInput Input { get; set; } = new();

    [BindProperty]
    public ContactForm Contact { get; set; } = new();

    /// <summary>The counts of the last erasure, shown once.</summary>
    public ContactErasureResult? Erased { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Input = await settings.GetAsync(cancellationToken);

    public async Task<IActionResult> OnPostSettingsAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        try
        {
            await settings.UpdateAsync(Input, cancellationToken);
            TempData["Success"] = "The privacy settings are saved.";
            return RedirectToPage();
        }
        catch (ValidationException e)
        {
            ModelState.AddErrors(e, nameof(Input));
            return Page();
        }
    }

    public async Task<IActionResult> OnPostExportAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        try
        {
            var export = await contacts.ExportAsync(Contact.ToLookup(), cancellationToken);
            var fileName = $"contact-export-{export.ExportedAt:yyyy-MM-dd}.json";
            return File(JsonSerializer.SerializeToUtf8Bytes(export, ExportJson), "application/json", fileName);
        }
        catch (BusinessException e)
        {
            return await RefusedAsync(e, cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostEraseAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!Contact.Confirm)
        {
            ModelState.AddModelError("Contact.Confirm", "Tick the box to confirm: an erasure can't be undone.");
            Input = await settings.GetAsync(cancellationToken);
            return Page();
        }

        try
        {
            Erased = await contacts.EraseAsync(Contact.ToLookup(), cancellationToken);
        }
        catch (BusinessException e)
        {
            return await RefusedAsync(e, cancellationToken);
        }

        Contact = new ContactForm();
        Input = await settings.GetAsync(cancellationToken);
        return Page();
    }

    private async Task<IActionResult> RefusedAsync(BusinessException e, CancellationToken cancellationToken)
    {
        ModelState.AddModelError("Contact", e.Message);
        Input = await settings.GetAsync(cancellationToken);
        return Page();
    }

    public sealed class ContactForm
    {
        public string? Email { get; set; }

        public string? Phone { get; set; }

        public bool Confirm { get; set; }

        public ContactLookup ToLookup() => new(Email, Phone);
    }
}
