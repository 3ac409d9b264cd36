using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmbAgent.Data;

namespace SmbAgent.Features;

/// <summary>Answers "which editions unlock this?" for upgrade prompts and 403 problems.</summary>
public sealed class EditionCatalog(ISmbAgentDbContext db)
{
    /// <summary>Editions where the toggle is on, or the count limit is above <paramref name="moreThan"/> (or unlimited).</summary>
    public async Task<IReadOnlyList<string>> EditionsUnlockingAsync(string featureName, long? moreThan = null, CancellationToken cancellationToken = default)
    {
        var definition = SmbFeatureDefinitions.Get(featureName);
        var editions = await db.Editions.AsNoTracking().OrderBy(e => e.SortOrder).Select(e => new { e.Id, e.Name }).ToListAsync(cancellationToken);
        var values = await db.FeatureValues.AsNoTracking()
            .Where(v => v.ProviderName == FeatureValueProviders.Edition && v.Name == featureName)
            .ToDictionaryAsync(v => v.ProviderKey, v => v.Value, cancellationToken);

        return [.. editions
            .Where(e => Unlocks(definition, values.GetValueOrDefault(e.Id) ?? definition.DefaultValue, moreThan))
            .Select(e => e.Name)];
    }

    /// <summary>Editions where a selection feature has <paramref name="value"/> (e.g. the full analytics level).</summary>
    public async Task<IReadOnlyList<string>> EditionsWithAsync(string featureName, string value, CancellationToken cancellationToken = default)
    {
        var definition = SmbFeatureDefinitions.Get(featureName);
        var editions = await db.Editions.AsNoTracking().OrderBy(e => e.SortOrder).Select(e => new { e.Id, e.Name }).ToListAsync(cancellationToken);
        var values = await db.FeatureValues.AsNoTracking()
            .Where(v => v.ProviderName == FeatureValueProviders.Edition && v.Name == featureName)
            .ToDictionaryAsync(v => v.ProviderKey, v => v.Value, cancellationToken);
        return [.. editions.Where(e => (values.GetValueOrDefault(e.Id) ?? definition.DefaultValue) == value).Select(e => e.Name)];
    }

    private static bool Unlocks(FeatureDefinition definition, string value, long? moreThan) => definition.ValueType switch
    {
        ToggleValueType => bool.TryParse(value, out var on) && on,
        NumberValueType => long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit)
                           && (limit == SmbFeatureDefinitions.Unlimited || limit > (moreThan ?? 0)),
        _ => false,
    };
}
