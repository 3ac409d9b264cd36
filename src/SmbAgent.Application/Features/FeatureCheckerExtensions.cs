namespace SmbAgent.Features;

public static class FeatureCheckerExtensions
{
    /// <summary>Throws <see cref="FeatureNotEnabledException"/> (403) unless the toggle is on.</summary>
    public static async Task CheckEnabledAsync(this IFeatureChecker features, string name, CancellationToken cancellationToken = default)
    {
        if (!await features.IsEnabledAsync(name, cancellationToken))
        {
            throw new FeatureNotEnabledException(name);
        }
    }

    /// <summary>
    /// Refuses adding one more item when <paramref name="currentCount"/> already reaches the limit.
    /// For counts of rows the tenant owns; monthly quotas use <see cref="Usage.IUsageCounterStore"/>.
    /// </summary>
    public static async Task CheckCountLimitAsync(this IFeatureChecker features, string name, long currentCount, CancellationToken cancellationToken = default)
    {
        var limit = await features.GetLimitAsync(name, cancellationToken);
        if (limit != SmbFeatureDefinitions.Unlimited && currentCount >= limit)
        {
            throw new FeatureLimitReachedException(name, limit);
        }
    }
}
