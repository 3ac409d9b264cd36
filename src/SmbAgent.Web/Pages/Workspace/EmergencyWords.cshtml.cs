using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.Conversations.Emergencies;
using SmbAgent.Data;
using SmbAgent.Permissions;

namespace SmbAgent.Web.Pages.Workspace;

/// <summary>The business's own emergency words, added to the built-in lexicon on chat and voice.</summary>
[Authorize(Policy = SmbPermissions.Workspace.ManageSettings)]
public sealed class EmergencyWordsModel(EmergencyWordAppService words) : PageModel
{
    [BindProperty]
    public CreateEmergencyWordDto Input { get; set; } = new();

    public IReadOnlyList<EmergencyWordDto> Words { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Words = await words.GetListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            try
            {
                var added = await words.CreateAsync(Input, cancellationToken);
                TempData["Success"] = $"\"{added.Phrase}\" is added.";
                return RedirectToPage();
            }
            catch (ValidationException e)
            {
                ModelState.AddErrors(e, nameof(Input));
            }
            catch (BusinessException e)
            {
                ModelState.AddModelError(string.Empty, e.Message);
            }
        }

        Words = await words.GetListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await words.DeleteAsync(id, cancellationToken);
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }

        TempData["Success"] = "The word is removed.";
        return RedirectToPage();
    }
}
