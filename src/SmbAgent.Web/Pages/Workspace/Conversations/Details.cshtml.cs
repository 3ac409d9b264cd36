using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.Data;
using SmbAgent.Leads;
using SmbAgent.Permissions;

namespace SmbAgent.Web.Pages.Workspace.Conversations;

/// <summary>One conversation's transcript, with a link to the lead it produced.</summary>
[Authorize(Policy = SmbPermissions.Leads.Default)]
public sealed class DetailsModel(ConversationAppService conversations) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public ConversationDetailsDto Details { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            Details = await conversations.GetAsync(Id, cancellationToken);
            return Page();
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
    }
}
