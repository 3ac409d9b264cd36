using SmbAgent.Features;

namespace SmbAgent.Usage;

/// <summary>Joins a monthly count limit (a feature value) with its atomic counter.</summary>
public sealed class UsageQuota(IFeatureChecker features, IUsageCounterStore counters, TimeProvider clock)
{
    /// <summary>Takes one unit of this month's quota; false when the plan's limit is reached.</summary>
    public async Task<bool> TryConsumeAsync(string metric, string limitFeature, CancellationToken cancellationToken = default)
    {
        var limit = await features.GetLimitAsync(limitFeature, cancellationToken);
        var count = await counters.TryIncrementAsync(metric, UsageMetrics.MonthOf(clock.GetUtcNow()), limit, cancellationToken);
        return count is not null;
    }

    /// <summary>Whether this month's quota has a unit left, taking nothing: a turn takes it only when it is stored.</summary>
    public async Task<bool> HasRoomAsync(string metric, string limitFeature, CancellationToken cancellationToken = default)
    {
        var limit = await features.GetLimitAsync(limitFeature, cancellationToken);
        return limit == 0 || await GetThisMonthAsync(metric, cancellationToken) < limit;
    }

    public Task<long> GetThisMonthAsync(string metric, CancellationToken cancellationToken = default) =>
        counters.GetAsync(metric, UsageMetrics.MonthOf(clock.GetUtcNow()), cancellationToken);
}
