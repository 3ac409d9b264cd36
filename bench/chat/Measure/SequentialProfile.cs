using SmbAgent.Bench.Chat.Data;
using SmbAgent.Bench.Chat.Load;

namespace SmbAgent.Bench.Chat.Measure;

/// <summary>A turn's cost with nothing else in flight: its latency and what it spent in the database and the model.</summary>
/// <param name="Statements">What the database was sent for one of the turns, with each round trip's time.</param>
public sealed record TurnBreakdown(
    string Label,
    Percentiles Latency,
    double ServerMsPerTurn,
    double CommandsPerTurn,
    double DatabaseMsPerTurn,
    double EmbeddingCallsPerTurn,
    double EmbeddingMsPerTurn,
    double CitedShare,
    double OpenShare,
    IReadOnlyList<(string Statement, TimeSpan Duration)> Statements);

/// <summary>
/// One visitor, one turn at a time: nothing queues, so the profile is what a turn costs by itself.
/// </summary>
public sealed class SequentialProfile(BenchSettings settings, TurnProfiler profiler)
{
    private const int WarmupTurns = 10;

    public async Task<TurnBreakdown> RunAsync(string label, ChatTarget target, SeededBusiness business, Func<int, string> text)
    {
        var baseline = profiler.Totals.Turns;
        var latencies = new List<double>();
        var measuredFrom = default(ProfileTotals);
        var (cited, open) = (0, 0);
        IReadOnlyList<(string, TimeSpan)> statements = [];
        var visitor = new Visitor(target, business);
        for (var i = 0; i < WarmupTurns + settings.ProfileTurns; i++)
        {
            if (i == 0 || visitor.Turns >= settings.TurnsPerConversation)
            {
                visitor = new Visitor(target, business);
                if (!(await visitor.StartAsync()).Ok)
                {
                    throw new InvalidOperationException($"{target.Name}: a conversation did not start.");
                }
            }

            var before = await TurnsDoneAsync(baseline + i);
            var capture = i == WarmupTurns;
            if (capture)
            {
                measuredFrom = before;
                profiler.StartCapture();
            }

            var turn = await visitor.SayAsync(text(i));
            if (capture)
            {
                await TurnsDoneAsync(baseline + i + 1);
                statements = profiler.StopCapture();
            }

            if (!turn.Ok)
            {
                throw new InvalidOperationException($"{target.Name}: a turn failed in the sequential profile.");
            }

            if (i >= WarmupTurns)
            {
                latencies.Add(turn.Milliseconds);
                cited += turn.Cited ? 1 : 0;
                open += turn.Open ? 1 : 0;
            }
        }

        var totals = await TurnsDoneAsync(baseline + WarmupTurns + settings.ProfileTurns) - measuredFrom;
        double n = settings.ProfileTurns;
        return new TurnBreakdown(
            label,
            new Percentiles(latencies),
            totals.TurnTime.TotalMilliseconds / n,
            totals.Commands / n,
            totals.CommandTime.TotalMilliseconds / n,
            totals.EmbeddingCalls / n,
            totals.EmbeddingTime.TotalMilliseconds / n,
            cited / n,
            open / n,
            statements);
    }

    /// <summary>
    /// The profiler's totals once the server has accounted for <paramref name="turns"/> turns in all: the client
    /// can read a response a moment before the server's middleware adds that turn up.
    /// </summary>
    private async Task<ProfileTotals> TurnsDoneAsync(long turns)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (profiler.Totals.Turns < turns)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The server never accounted for a turn: is the profiling middleware in its pipeline?");
            }

            await Task.Delay(1);
        }

        return profiler.Totals;
    }
}
