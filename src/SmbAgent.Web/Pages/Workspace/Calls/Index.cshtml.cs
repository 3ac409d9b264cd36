using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.Features;
using SmbAgent.HostAdmin;
using SmbAgent.Permissions;
using SmbAgent.Voice;
using SmbAgent.Voice.Calls;
using SmbAgent.Web.Navigation;
using SmbAgent.Web.Pages.Host;

namespace SmbAgent.Web.Pages.Workspace.Calls;

/// <summary>The business's calls, newest first, filtered by direction and status; below the voice plan, the upgrade prompt.</summary>
[Authorize(Policy = SmbPermissions.Leads.Default)]
public sealed class IndexModel(CallLogAppService calls, IFeatureChecker features, EditionCatalog editions) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true, Name = "direction")]
    public CallDirection? Direction { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    public CallLogListDto Result { get; private set; } = new(new PagedResult<CallLogDto>([], 0, 1, CallLogListInput.PageSize), "UTC");

    public UpgradePrompt? Prompt { get; private set; }

    public Pager Pager => new(Result.Calls.Page, Result.Calls.TotalPages, Result.Calls.TotalCount, page =>
        Url.Page("/Workspace/Calls/Index", new { p = page == 1 ? (int?)null : page, direction = Direction, status = Status }));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await features.IsEnabledAsync(SmbFeatures.Voice.Agent, cancellationToken))
        {
            Prompt = await PhonePrompts.VoiceAgentAsync(editions, cancellationToken);
            return;
        }

        Result = await calls.GetListAsync(new CallLogListInput { Page = PageNumber, Direction = Direction, Status = Status }, cancellationToken);
    }
}
