namespace SmbAgent.Usage;

/// <summary>Monthly usage of metered features, counted atomically in PostgreSQL for the current tenant.</summary>
public interface IUsageCounterStore
{
    /// <summary>
    /// Adds one to the counter unless it already reached <paramref name="limit"/> (0 = unlimited), in one
    /// statement. Returns the new count, or null when the limit was reached and nothing was added.
    /// </summary>
    Task<long?> TryIncrementAsync(string metric, DateOnly periodStart, long limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds <paramref name="amount"/> whatever the limit, in one statement: for usage already spent (the minutes of a
    /// call that ended), which can't be refused after the fact. Returns the new count.
    /// </summary>
    Task<long> AddAsync(string metric, DateOnly periodStart, long amount, CancellationToken cancellationToken = default);

    Task<long> GetAsync(string metric, DateOnly periodStart, CancellationToken cancellationToken = default);
}
