using Microsoft.EntityFrameworkCore;
using SmbAgent.Data;
using SmbAgent.Tenancy;

namespace SmbAgent.HostAdmin;

public sealed record AuditLogQuery(string? Tenant = null, string? Action = null, int Page = 1);

public sealed record AuditLogItem(
    DateTimeOffset Time,
    string? TenantName,
    string? UserName,
    string? ImpersonatorName,
    Guid? ImpersonatorUserId,
    string Action,
    string? Details,
    string? IpAddress);

/// <summary>Every audit entry, host and all tenants, newest first.</summary>
public sealed class AuditLogAppService(ISmbAgentDbContext db, IDataFilter dataFilter)
{
    public async Task<PagedResult<AuditLogItem>> GetListAsync(AuditLogQuery query, CancellationToken cancellationToken = default)
    {
        using (dataFilter.Disable<IMultiTenant>())
        {
            var rows = from a in db.AuditLogEntries.AsNoTracking()
                       join t in db.Tenants on a.TenantId equals t.Id into tenants
                       from t in tenants.DefaultIfEmpty()
                       join u in db.Users on a.ImpersonatorUserId equals u.Id into impersonators
                       from u in impersonators.DefaultIfEmpty()
                       select new { Entry = a, TenantName = t == null ? null : t.Name, TenantNormalized = t == null ? null : t.NormalizedName, Impersonator = u == null ? null : u.UserName };
            if (!string.IsNullOrWhiteSpace(query.Tenant))
            {
                var tenant = Tenant.NormalizeName(query.Tenant);
                rows = rows.Where(r => r.TenantNormalized != null && r.TenantNormalized.Contains(tenant));
            }

            if (!string.IsNullOrWhiteSpace(query.Action))
            {
                var action = query.Action.Trim();
                rows = rows.Where(r => r.Entry.Action == action);
            }

            return await rows
                .OrderByDescending(r => r.Entry.Time).ThenByDescending(r => r.Entry.Id)
                .Select(r => new AuditLogItem(
                    r.Entry.Time,
                    r.TenantName,
                    r.Entry.UserName,
                    r.Impersonator,
                    r.Entry.ImpersonatorUserId,
                    r.Entry.Action,
                    r.Entry.Details,
                    r.Entry.IpAddress))
                .ToPageAsync(query.Page, cancellationToken);
        }
    }
}
