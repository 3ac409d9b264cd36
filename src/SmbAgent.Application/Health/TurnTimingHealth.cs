using Microsoft.EntityFrameworkCore;
using SmbAgent.Conversations;
using SmbAgent.Data;
using SmbAgent.Tenancy;

namespace SmbAgent.Health;

/// <summary>
/// Where recent turns spent their time, across businesses: the median and 95th percentile of retrieval, model and
/// speech over the visitors' and callers' messages of the last hour (the newest <see cref="MaxTurns"/> of them).
/// </summary>
public sealed class TurnTimingHealth(ISmbAgentDbContext db, ICurrentTenant currentTenant, IDataFilter dataFilter, TimeProvider clock)
{
    public const int MaxTurns = 5000;

    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    public async Task<TurnTimingHealthDto> MeasureAsync(CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow() - Window;
        using (currentTenant.Change(null))
        using (dataFilter.Disable<IMultiTenant>())
        {
            var turns = await db.ConversationMessages.AsNoTracking()
                .Where(m => m.Role == MessageRole.Visitor && m.CreationTime >= since)
                .OrderByDescending(m => m.CreationTime)
                .Take(MaxTurns)
                .Select(m => new { m.RetrievalMilliseconds, m.ModelMilliseconds, m.SpeechMilliseconds })
                .ToListAsync(cancellationToken);
            return new TurnTimingHealthDto(
                turns.Count,
                PhaseTimingDto.Of(turns.Select(t => t.RetrievalMilliseconds)),
                PhaseTimingDto.Of(turns.Select(t => t.ModelMilliseconds)),
                PhaseTimingDto.Of(turns.Select(t => t.SpeechMilliseconds)),
                (int)Window.TotalMinutes);
        }
    }
}

/// <summary>Recent turns' time per phase; a phase no turn entered has no figures.</summary>
public sealed record TurnTimingHealthDto(int Turns, PhaseTimingDto Retrieval, PhaseTimingDto Model, PhaseTimingDto Speech, int WindowMinutes);

/// <param name="Turns">Turns that spent time in the phase.</param>
public sealed record PhaseTimingDto(int Turns, int? P50Ms, int? P95Ms)
{
    public static PhaseTimingDto Of(IEnumerable<int?> milliseconds)
    {
        var sorted = milliseconds.OfType<int>().Order().ToArray();
        return sorted.Length == 0
            ? new PhaseTimingDto(0, null, null)
            : new PhaseTimingDto(sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.95));
    }

    /// <summary>Nearest rank: the smallest value at least that share of the turns reached.</summary>
    private static int Percentile(int[] sorted, double share) => sorted[Math.Max(0, (int)Math.Ceiling(share * sorted.Length) - 1)];
}
