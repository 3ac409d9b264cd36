using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.HostAdmin;
using SmbAgent.Leads;
using SmbAgent.Permissions;
using SmbAgent.Web.Pages.Host;

namespace SmbAgent.Web.Pages.Workspace.Conversations;

/// <summary>Every conversation a visitor wrote in, newest activity first.</summary>
[Authorize(Policy = SmbPermissions.Leads.Default)]
public sealed class IndexModel(ConversationAppService conversations) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ConversationListDto Result { get; private set; } = new(new PagedResult<ConversationDto>([], 0, 1, ConversationListInput.PageSize), "UTC");

    public Pager Pager => new(Result.Conversations.Page, Result.Conversations.TotalPages, Result.Conversations.TotalCount, page =>
        Url.Page("/Workspace/Conversations/Index", new { p = page == 1 ? (int?)null : page }));

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await conversations.GetListAsync(new ConversationListInput { Page = PageNumber }, cancellationToken);
}
