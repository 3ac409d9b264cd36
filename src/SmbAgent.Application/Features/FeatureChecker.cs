using System.Globalization;
using SmbAgent.Tenancy;

namespace SmbAgent.Features;

/// <summary>
/// Resolves tenant → edition → default from one cached dictionary per tenant. The host (no tenant)
/// gets defaults. The edition comes from the cached tenant record, not a claim, so a plan change
/// applies on the next request.
/// </summary>
public sealed class FeatureChecker(ICurrentTenant currentTenant, ITenantFeatureValueCache valueCache) : IFeatureChecker
{
    public async Task<string> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        var definition = SmbFeatureDefinitions.Get(name);
        if (currentTenant.Id is not { } tenantId)
        {
            return definition.DefaultValue;
        }

        var values = await valueCache.GetAsync(tenantId, cancellationToken);
        return values.TryGetValue(name, out var value) && definition.ValueType.IsValid(value) ? value : definition.DefaultValue;
    }

    public async Task<bool> IsEnabledAsync(string name, CancellationToken cancellationToken = default) =>
        bool.TryParse(await GetAsync(name, cancellationToken), out var enabled) && enabled;

    public async Task<long> GetLimitAsync(string name, CancellationToken cancellationToken = default) =>
        long.Parse(await GetAsync(name, cancellationToken), NumberStyles.None, CultureInfo.InvariantCulture);
}
