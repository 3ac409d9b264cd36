using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.Permissions;
using SmbAgent.Workspace;

namespace SmbAgent.Web.Pages.Workspace;

/// <summary>
/// The business profile. Rows of holidays and contacts are added, removed and reordered by posting the
/// whole form to a handler that re-renders it, so the page works without JavaScript.
/// </summary>
[Authorize(Policy = SmbPermissions.Workspace.ManageSettings)]
public sealed class ProfileModel(BusinessProfileAppService profiles) : PageModel
{
    [BindProperty]
    public BusinessProfileInput Input { get; set; } = new();

    public static IReadOnlyList<string> TimeZones { get; } =
        [.. TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId).Select(z => z.Id).Order(StringComparer.Ordinal)];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Input = await profiles.GetAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Input.Holidays.RemoveAll(h => h.Date is null && string.IsNullOrWhiteSpace(h.Name));
        Input.Contacts.RemoveAll(c => string.IsNullOrWhiteSpace(c.Value) && string.IsNullOrWhiteSpace(c.Name));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            await profiles.UpdateAsync(Input, cancellationToken);
        }
        catch (ValidationException e)
        {
            // Row indexes may have shifted when blank rows were dropped: show the errors against the rows as saved.
            ModelState.Clear();
            ModelState.AddErrors(e, nameof(Input));
            return Page();
        }

        TempData["Success"] = "The business profile is saved.";
        return RedirectToPage();
    }

    public IActionResult OnPostAddHoliday() => Edit(() => Input.Holidays.Add(new HolidayInput()));

    public IActionResult OnPostRemoveHoliday(int index) => Edit(() =>
    {
        if (index >= 0 && index < Input.Holidays.Count)
        {
            Input.Holidays.RemoveAt(index);
        }
    });

    public IActionResult OnPostAddContact(ContactKind kind) => Edit(() =>
    {
        if (Input.Contacts.Count < SmbAgent.Workspace.BusinessProfile.MaxContacts)
        {
            Input.Contacts.Add(new ContactInput { Kind = kind });
        }
    });

    public IActionResult OnPostRemoveContact(int index) => Edit(() =>
    {
        if (index >= 0 && index < Input.Contacts.Count)
        {
            Input.Contacts.RemoveAt(index);
        }
    });

    public IActionResult OnPostMoveContact(int index, int offset) => Edit(() =>
    {
        var target = index + Math.Sign(offset);
        if (index >= 0 && index < Input.Contacts.Count && target >= 0 && target < Input.Contacts.Count)
        {
            (Input.Contacts[index], Input.Contacts[target]) = (Input.Contacts[target], Input.Contacts[index]);
        }
    });

    /// <summary>Changes the rows of the unsaved form and shows it again with the posted values.</summary>
    private PageResult Edit(Action change)
    {
        change();
        // The form is re-rendered from Input, not from the posted values the model state remembers by index.
        ModelState.Clear();
        return Page();
    }
}
