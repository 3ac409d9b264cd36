using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.Auditing;
using SmbAgent.HostAdmin;

namespace SmbAgent.Web.Pages.Host;

public sealed class AuditLogModel(AuditLogAppService auditLog) : PageModel
{
    /// <summary>Every action the platform records, for the filter's choices.</summary>
    public static IReadOnlyList<string> Actions { get; } =
        [.. typeof(AuditActions).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal)];

    [BindProperty(SupportsGet = true)]
    public string? Tenant { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedResult<AuditLogItem> Result { get; private set; } = new([], 0, 1, Paging.PageSize);

    public Pager Pager => new(Result.Page, Result.TotalPages, Result.TotalCount, page =>
        Url.Page("/Host/AuditLog", new { tenant = Blank(Tenant), action = Blank(Action), p = page == 1 ? (int?)null : page }));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var tenant = Tenant is { Length: > 128 } ? Tenant[..128] : Tenant;
        var action = Actions.Contains(Action) ? Action : null;
        Result = await auditLog.GetListAsync(new AuditLogQuery(tenant, action, PageNumber), cancellationToken);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
