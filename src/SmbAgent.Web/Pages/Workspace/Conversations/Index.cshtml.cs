using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.HostAdmin;
using SmbAgent.Conversations;
using SmbAgent.Permissions;
using SmbAgent.Web.Pages.Host;

namespace SmbAgent.Web.Pages.Workspace.Conversations;

/// <summary>Every conversation a visitor wrote in, newest activity first; or only those waiting for a person.</summary>
[Authorize(Policy = SmbPermissions.Leads.Default)]
public sealed class IndexModel(ConversationAppService conversations) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>Only the visitors waiting for a person.</summary>
    [BindProperty(SupportsGet = true, Name = "waiting")]
    public bool WaitingOnly { get; set; }

    public ConversationListDto Result { get; private set; } = new(new PagedResult<ConversationDto>([], 0, 1, ConversationListInput.PageSize), "UTC", 0);

    public Pager Pager => new(Result.Conversations.Page, Result.Conversations.TotalPages, Result.Conversations.TotalCount, page =>
        Url.Page("/Workspace/Conversations/Index", new { p = page == 1 ? (int?)null : page, waiting = WaitingOnly ? true : (bool?)null }));

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await conversations.GetListAsync(new ConversationListInput { Page = PageNumber, WaitingOnly = WaitingOnly }, cancellationToken);
}
