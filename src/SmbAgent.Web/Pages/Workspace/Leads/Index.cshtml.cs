using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;
using SmbAgent.Conversations;
using SmbAgent.HostAdmin;
using SmbAgent.Leads;
using SmbAgent.Permissions;
using SmbAgent.Web.Pages.Host;

namespace SmbAgent.Web.Pages.Workspace.Leads;

/// <summary>The leads with filters, search, order and pages; the same filters export the whole selection as CSV.</summary>
[Authorize(Policy = SmbPermissions.Leads.Default)]
public sealed class IndexModel(LeadAppService leads, TimeProvider clock) : PageModel
{
    public const string Path = "/Workspace/Leads/Index";

    public static IReadOnlyList<int> PageSizes { get; } = [LeadListInput.DefaultPageSize, 50, LeadListInput.MaxPageSize];

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public LeadStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public LeadPriority? Priority { get; set; }

    [BindProperty(SupportsGet = true)]
    public ConversationChannel? Channel { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public LeadSort Sort { get; set; }

    /// <summary>"asc" for oldest, lowest or earliest status first; anything else is descending.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Dir { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public int? Size { get; set; }

    public LeadListDto Result { get; private set; } = new(new PagedResult<LeadListItemDto>([], 0, 1, LeadListInput.DefaultPageSize), "UTC");

    public bool Ascending => string.Equals(Dir, "asc", StringComparison.OrdinalIgnoreCase);

    public bool AnyFilter => Search is not null || Status is not null || Priority is not null || Channel is not null || From is not null || To is not null;

    public Pager Pager => new(Result.Leads.Page, Result.Leads.TotalPages, Result.Leads.TotalCount, page => Url.Page(Path, RouteValues(page)));

    public string? ExportUrl => Url.Page(Path, "Export", RouteValues(page: null));

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await leads.GetListAsync(ToInput(), cancellationToken);

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var fileName = $"leads-{clock.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv";
        Response.ContentType = LeadAppService.CsvContentType;
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName }.ToString();

        // Contact details of real people: no shared or browser cache keeps a copy.
        Response.Headers.CacheControl = "no-store";
        await leads.ExportCsvAsync(ToInput(), Response.Body, cancellationToken);
        return new EmptyResult();
    }

    private LeadListInput ToInput() => new()
    {
        Search = Search,
        Status = Status,
        Priority = Priority,
        Channel = Channel,
        CreatedFrom = From,
        CreatedTo = To,
        Sort = Sort,
        Descending = !Ascending,
        Page = PageNumber,
        PageSize = Size ?? LeadListInput.DefaultPageSize,
    };

    private Dictionary<string, string?> RouteValues(int? page) => new()
    {
        ["q"] = string.IsNullOrWhiteSpace(Search) ? null : Search,
        ["status"] = Status?.ToString(),
        ["priority"] = Priority?.ToString(),
        ["channel"] = Channel?.ToString(),
        ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["sort"] = Sort == LeadSort.Created ? null : Sort.ToString(),
        ["dir"] = Ascending ? "asc" : null,
        ["size"] = Size is { } size && size != LeadListInput.DefaultPageSize ? size.ToString(CultureInfo.InvariantCulture) : null,
        ["p"] = page is null or 1 ? null : page.Value.ToString(CultureInfo.InvariantCulture),
    };
}
