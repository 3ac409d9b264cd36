using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.HostAdmin;

namespace SmbAgent.Web.Pages.Host.Tenants;

public sealed class TenantListModel(TenantAdminAppService tenants) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public TenantSort Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedResult<TenantListItem> Result { get; private set; } = new([], 0, 1, Paging.PageSize);

    public Pager Pager => new(Result.Page, Result.TotalPages, Result.TotalCount, page => Link(Sort, page));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var search = Search is { Length: > 128 } ? Search[..128] : Search;
        Result = await tenants.GetListAsync(new TenantListQuery(search, Sort, PageNumber), cancellationToken);
    }

    /// <summary>The link a column header points to: ascending first, descending when already ascending.</summary>
    public string? SortLink(TenantSort ascending, TenantSort descending) => Link(Sort == ascending ? descending : ascending, 1);

    public string? SortState(TenantSort ascending, TenantSort descending) =>
        Sort == ascending ? "ascending" : Sort == descending ? "descending" : null;

    private string? Link(TenantSort sort, int page) =>
        Url.Page("/Host/Tenants/Index", new { q = string.IsNullOrWhiteSpace(Search) ? null : Search, sort = sort == TenantSort.Name ? null : sort.ToString(), p = page == 1 ? (int?)null : page });
}
