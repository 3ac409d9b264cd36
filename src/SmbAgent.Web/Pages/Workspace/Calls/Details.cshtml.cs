using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.Permissions;
using SmbAgent.Voice.Calls;

namespace SmbAgent.Web.Pages.Workspace.Calls;

/// <summary>One call: who, when, how long, what was said, the voicemail and its recording, the lead it produced.</summary>
[Authorize(Policy = SmbPermissions.Leads.Default)]
public sealed class DetailsModel(CallLogAppService calls, IFeatureChecker features) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public CallLogDetailsDto Details { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await features.IsEnabledAsync(SmbFeatures.Voice.Agent, cancellationToken))
        {
            return RedirectToPage("/Workspace/Calls/Index");
        }

        try
        {
            Details = await calls.GetAsync(Id, cancellationToken);
            return Page();
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
    }
}
