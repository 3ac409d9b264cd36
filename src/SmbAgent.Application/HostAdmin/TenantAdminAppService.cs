using Microsoft.EntityFrameworkCore;
using SmbAgent.Auditing;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.Tenancy;

namespace SmbAgent.HostAdmin;

/// <summary>
/// The platform admin's tenant management. Runs in the host scope; every change is audited there.
/// Authorization is on the pages (host permissions).
/// </summary>
public sealed class TenantAdminAppService(
    ISmbAgentDbContext db,
    IDataFilter dataFilter,
    TenantManager tenantManager,
    FeatureManager featureManager,
    ITenantStore tenantStore,
    IAuditLogger audit)
{
    public async Task<PagedResult<TenantListItem>> GetListAsync(TenantListQuery query, CancellationToken cancellationToken = default)
    {
        var tenants = db.Tenants.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var search = Tenant.NormalizeName(query.Search);
            tenants = tenants.Where(t => t.NormalizedName.Contains(search));
        }

        var rows = from t in tenants
                   join e in db.Editions on t.EditionId equals e.Id
                   select new { Tenant = t, Edition = e };
        rows = query.Sort switch
        {
            TenantSort.NameDescending => rows.OrderByDescending(r => r.Tenant.NormalizedName),
            TenantSort.Created => rows.OrderBy(r => r.Tenant.CreationTime).ThenBy(r => r.Tenant.Id),
            TenantSort.CreatedDescending => rows.OrderByDescending(r => r.Tenant.CreationTime).ThenBy(r => r.Tenant.Id),
            TenantSort.Edition => rows.OrderBy(r => r.Edition.SortOrder).ThenBy(r => r.Tenant.NormalizedName),
            TenantSort.EditionDescending => rows.OrderByDescending(r => r.Edition.SortOrder).ThenBy(r => r.Tenant.NormalizedName),
            _ => rows.OrderBy(r => r.Tenant.NormalizedName),
        };

        // Users belong to their tenants: counting them across tenants needs the tenant filter (and RLS) off.
        using (dataFilter.Disable<IMultiTenant>())
        {
            return await rows
                .Select(r => new TenantListItem(
                    r.Tenant.Id,
                    r.Tenant.Name,
                    r.Edition.DisplayName,
                    r.Tenant.IsActive,
                    r.Tenant.CreationTime,
                    db.Users.Count(u => u.TenantId == r.Tenant.Id),
                    r.Tenant.DeletionDueTime))
                .ToPageAsync(query.Page, cancellationToken);
        }
    }

    public async Task<TenantDetails?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var row = await (from t in db.Tenants.AsNoTracking()
                         join e in db.Editions on t.EditionId equals e.Id
                         where t.Id == id
                         select new { Tenant = t, EditionName = e.DisplayName })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var tenant = row.Tenant;
        var values = await db.FeatureValues.AsNoTracking()
            .Where(v => (v.ProviderName == FeatureValueProviders.Edition && v.ProviderKey == tenant.EditionId)
                        || (v.ProviderName == FeatureValueProviders.Tenant && v.ProviderKey == tenant.Id))
            .ToListAsync(cancellationToken);
        var features = SmbFeatureDefinitions.All.Select(definition =>
        {
            var editionValue = values.FirstOrDefault(v => v.ProviderName == FeatureValueProviders.Edition && v.Name == definition.Name)?.Value;
            var overrideValue = values.FirstOrDefault(v => v.ProviderName == FeatureValueProviders.Tenant && v.Name == definition.Name)?.Value;
            var inherited = editionValue ?? definition.DefaultValue;
            return overrideValue is not null
                ? new TenantFeatureState(definition, overrideValue, FeatureValueSource.Override, inherited)
                : new TenantFeatureState(definition, inherited, editionValue is null ? FeatureValueSource.Default : FeatureValueSource.Edition, inherited);
        }).ToList();

        return new TenantDetails(tenant.Id, tenant.Name, tenant.EditionId, row.EditionName, tenant.IsActive, tenant.CreationTime, features, tenant.DeletionDueTime);
    }

    public async Task<IReadOnlyList<EditionOption>> GetEditionOptionsAsync(CancellationToken cancellationToken = default) =>
        await db.Editions.AsNoTracking()
            .OrderBy(e => e.SortOrder).ThenBy(e => e.Name)
            .Select(e => new EditionOption(e.Id, e.Name, e.DisplayName))
            .ToListAsync(cancellationToken);

    /// <summary>Creates the tenant with its owner (see <see cref="TenantManager"/>); a duplicate name is a <see cref="BusinessException"/>.</summary>
    public async Task<Guid> CreateAsync(CreateTenantInput input, CancellationToken cancellationToken = default)
    {
        var tenant = await tenantManager.CreateAsync(
            new CreateTenantRequest(input.Name, input.OwnerEmail.Trim(), input.OwnerPassword, EditionName: input.EditionName, OwnerEmailConfirmed: true),
            cancellationToken);
        await audit.LogAsync(AuditActions.TenantCreated, $"tenant {tenant.Name} on {input.EditionName}, owner {input.OwnerEmail.Trim()}", cancellationToken);
        return tenant.Id;
    }

    public async Task RenameAsync(Guid id, string name, CancellationToken cancellationToken = default)
    {
        var tenant = await FindAsync(id, cancellationToken);
        var normalized = Tenant.NormalizeName(name);
        if (normalized == tenant.NormalizedName && name.Trim() == tenant.Name)
        {
            return;
        }

        await tenantManager.EnsureNameIsFreeAsync(name, id, cancellationToken);

        var oldName = tenant.Name;
        tenant.Rename(name);
        await db.SaveChangesAsync(cancellationToken);
        await tenantStore.InvalidateAsync(id, oldName, cancellationToken);
        await tenantStore.InvalidateAsync(id, tenant.Name, cancellationToken);
        await audit.LogAsync(AuditActions.TenantUpdated, $"tenant {oldName} renamed to {tenant.Name}", cancellationToken);
    }

    public async Task ChangeEditionAsync(Guid id, Guid editionId, CancellationToken cancellationToken = default)
    {
        var tenant = await FindAsync(id, cancellationToken);
        if (tenant.EditionId == editionId)
        {
            return;
        }

        var names = await db.Editions.AsNoTracking()
            .Where(e => e.Id == tenant.EditionId || e.Id == editionId)
            .ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken);
        var from = names.GetValueOrDefault(tenant.EditionId);
        await featureManager.ChangeEditionAsync(id, editionId, cancellationToken);
        await audit.LogAsync(AuditActions.EditionChanged, $"tenant {tenant.Name}: {from} → {names.GetValueOrDefault(editionId)}", cancellationToken);
    }

    public async Task SetActiveAsync(Guid id, bool active, CancellationToken cancellationToken = default)
    {
        var tenant = await FindAsync(id, cancellationToken);
        if (tenant.IsActive == active)
        {
            return;
        }

        if (active)
        {
            tenant.Activate();
        }
        else
        {
            tenant.Deactivate();
        }

        await db.SaveChangesAsync(cancellationToken);
        await tenantStore.InvalidateAsync(id, tenant.Name, cancellationToken);
        await audit.LogAsync(active ? AuditActions.TenantReactivated : AuditActions.TenantDeactivated, $"tenant {tenant.Name}", cancellationToken);
    }

    /// <summary>Overrides one feature for the tenant, or removes the override when <paramref name="value"/> is null.</summary>
    public async Task SetFeatureAsync(Guid id, string featureName, string? value, CancellationToken cancellationToken = default)
    {
        var tenant = await FindAsync(id, cancellationToken);
        var definition = SmbFeatureDefinitions.Find(featureName)
                         ?? throw new BusinessException("Features:Unknown", $"There is no feature named '{featureName}'.");
        await featureManager.SetForTenantAsync(id, definition.Name, value, cancellationToken);
        await audit.LogAsync(
            AuditActions.FeatureOverridden,
            value is null ? $"tenant {tenant.Name}: {definition.Name} back to the edition value" : $"tenant {tenant.Name}: {definition.Name} = {value}",
            cancellationToken);
    }

    private async Task<Tenant> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Tenants.FirstOrDefaultAsync(t => t.Id == id, cancellationToken)
        ?? throw new EntityNotFoundException(nameof(Tenant), id);
}
