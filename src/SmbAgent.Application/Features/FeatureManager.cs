using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using SmbAgent.Caching;
using SmbAgent.Data;
using SmbAgent.Tenancy;

namespace SmbAgent.Features;

/// <summary>Writes edition values, tenant overrides and a tenant's edition, and invalidates what they feed.</summary>
public sealed class FeatureManager(ISmbAgentDbContext db, HybridCache cache, ITenantStore tenantStore)
{
    public async Task SetForEditionAsync(Guid editionId, string name, string value, CancellationToken cancellationToken = default)
    {
        Validate(name, value);
        await UpsertAsync(FeatureValueProviders.Edition, editionId, name, value, cancellationToken);
        await cache.RemoveByTagAsync(TenantCacheKey.EditionTag(editionId), cancellationToken);
    }

    /// <summary>Sets a per-tenant override, or removes it when <paramref name="value"/> is null.</summary>
    public async Task SetForTenantAsync(Guid tenantId, string name, string? value, CancellationToken cancellationToken = default)
    {
        if (value is null)
        {
            await db.FeatureValues
                .Where(v => v.ProviderName == FeatureValueProviders.Tenant && v.ProviderKey == tenantId && v.Name == name)
                .ExecuteDeleteAsync(cancellationToken);
        }
        else
        {
            Validate(name, value);
            await UpsertAsync(FeatureValueProviders.Tenant, tenantId, name, value, cancellationToken);
        }

        await cache.RemoveByTagAsync(TenantCacheKey.Tag(tenantId), cancellationToken);
    }

    public async Task ChangeEditionAsync(Guid tenantId, Guid editionId, CancellationToken cancellationToken = default)
    {
        var tenant = await db.Tenants.FirstOrDefaultAsync(t => t.Id == tenantId, cancellationToken)
                     ?? throw new EntityNotFoundException(nameof(Tenant), tenantId);
        if (!await db.Editions.AnyAsync(e => e.Id == editionId, cancellationToken))
        {
            throw new EntityNotFoundException(nameof(Edition), editionId);
        }

        tenant.ChangeEdition(editionId);
        await db.SaveChangesAsync(cancellationToken);
        await tenantStore.InvalidateAsync(tenantId, tenant.Name, cancellationToken);
    }

    private static void Validate(string name, string value)
    {
        var definition = SmbFeatureDefinitions.Find(name)
                         ?? throw new BusinessException("Features:Unknown", $"There is no feature named '{name}'.");
        if (!definition.ValueType.IsValid(value))
        {
            throw new BusinessException("Features:InvalidValue", $"'{value}' is not a valid value for {definition.DisplayName}.");
        }
    }

    private async Task UpsertAsync(string provider, Guid key, string name, string value, CancellationToken cancellationToken)
    {
        var row = await db.FeatureValues.FirstOrDefaultAsync(
            v => v.ProviderName == provider && v.ProviderKey == key && v.Name == name, cancellationToken);
        if (row is null)
        {
            db.FeatureValues.Add(new FeatureValue(Guid.CreateVersion7(), name, value, provider, key));
        }
        else
        {
            row.Value = value;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
