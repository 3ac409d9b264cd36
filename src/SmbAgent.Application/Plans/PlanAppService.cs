using Microsoft.EntityFrameworkCore;
using SmbAgent.Auditing;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.Platform;
using SmbAgent.Tenancy;

namespace SmbAgent.Plans;

/// <summary>The current tenant's plan, the comparison of every edition, and self-service plan changes.</summary>
public sealed class PlanAppService(
    ISmbAgentDbContext db,
    ICurrentTenant currentTenant,
    FeatureManager featureManager,
    IAuditLogger auditLogger)
{
    public async Task<PlanOverview> GetAsync(CancellationToken cancellationToken = default)
    {
        var tenantId = RequireTenant();
        var currentEditionId = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.EditionId).FirstAsync(cancellationToken);
        var editions = await db.Editions.AsNoTracking().OrderBy(e => e.SortOrder).ThenBy(e => e.Name)
            .Select(e => new PlanEdition(e.Id, e.Name, e.DisplayName, e.Id == currentEditionId))
            .ToListAsync(cancellationToken);
        var values = await db.FeatureValues.AsNoTracking()
            .Where(v => v.ProviderName == FeatureValueProviders.Edition)
            .Select(v => new { v.ProviderKey, v.Name, v.Value })
            .ToListAsync(cancellationToken);
        var byEditionAndName = values.ToDictionary(v => (v.ProviderKey, v.Name), v => v.Value);

        var rows = SmbFeatureDefinitions.All
            .Select(f => new PlanFeatureRow(f, [.. editions.Select(e => Valid(f, byEditionAndName.GetValueOrDefault((e.Id, f.Name))))]))
            .ToList();
        return new PlanOverview(editions.Find(e => e.IsCurrent), editions, rows, await SelfServiceAllowedAsync(cancellationToken));
    }

    /// <summary>Moves the current tenant to <paramref name="editionId"/>, unless the platform switched self-service off.</summary>
    public async Task ChangeAsync(Guid editionId, CancellationToken cancellationToken = default)
    {
        var tenantId = RequireTenant();
        if (!await SelfServiceAllowedAsync(cancellationToken))
        {
            throw new BusinessException("Plans:SelfServiceOff", "Plan changes are made by the platform team. Please contact support.", 403);
        }

        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == editionId, cancellationToken)
                      ?? throw new EntityNotFoundException(nameof(Edition), editionId);
        var previous = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId)
            .Join(db.Editions, t => t.EditionId, e => e.Id, (_, e) => e.Name)
            .FirstOrDefaultAsync(cancellationToken);
        if (previous == edition.Name)
        {
            return;
        }

        // Tenants are host data: the edition is written from the host scope.
        using (currentTenant.Change(null))
        {
            await featureManager.ChangeEditionAsync(tenantId, editionId, cancellationToken);
        }

        await auditLogger.LogAsync(AuditActions.EditionChanged, $"{previous} → {edition.Name} (self-service)", cancellationToken);
    }

    private async Task<bool> SelfServiceAllowedAsync(CancellationToken cancellationToken) =>
        await db.PlatformSettings.AsNoTracking().Select(s => (bool?)s.AllowSelfServicePlanChange).FirstOrDefaultAsync(cancellationToken)
        ?? new PlatformSettings().AllowSelfServicePlanChange;

    private static string Valid(FeatureDefinition feature, string? value) =>
        value is not null && feature.ValueType.IsValid(value) ? value : feature.DefaultValue;

    private Guid RequireTenant() =>
        currentTenant.Id ?? throw new BusinessException("Tenancy:NoTenant", "A plan belongs to a business.", 403);
}
