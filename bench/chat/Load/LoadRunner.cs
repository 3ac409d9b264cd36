using System.Diagnostics;
using SmbAgent.Bench.Chat.Data;
using SmbAgent.Bench.Chat.Measure;

namespace SmbAgent.Bench.Chat.Load;

/// <summary>What a phase measured in its window.</summary>
/// <param name="Mode">"closed" (each conversation sends its next turn as soon as the last is answered) or "paced" (think time between turns).</param>
public sealed record PhaseResult(
    string Target,
    string Mode,
    int Conversations,
    TimeSpan Window,
    Percentiles Latency,
    int Turns,
    int Errors,
    int Cited,
    int NotOpen,
    int Starts,
    int StartErrors,
    Percentiles StartLatency,
    ProfileTotals Profile)
{
    /// <summary>Turns answered per second of the window.</summary>
    public double Throughput => Turns / Window.TotalSeconds;
}

/// <summary>
/// Drives N visitors at one target for a warm-up and then a measured window. Each visitor talks to one business
/// (round robin), asks its questions in turn and opens a new conversation every
/// <see cref="BenchSettings.TurnsPerConversation"/> turns. A turn's latency is measured when it starts inside the
/// window; the throughput counts the turns answered inside it.
/// </summary>
public sealed class LoadRunner(BenchSettings settings, IReadOnlyList<SeededBusiness> businesses, TurnProfiler profiler)
{
    public Task<PhaseResult> RunClosedAsync(ChatTarget target, int conversations) =>
        RunAsync(target, "closed", conversations, settings.Warmup, thinkTime: null);

    /// <summary>Visitors at a typing pace: a think time drawn between the settings' bounds before each turn.</summary>
    public Task<PhaseResult> RunPacedAsync(ChatTarget target, int conversations) =>
        RunAsync(target, "paced", conversations, settings.Warmup + settings.ThinkTimeMax, (settings.ThinkTimeMin, settings.ThinkTimeMax));

    private async Task<PhaseResult> RunAsync(ChatTarget target, string mode, int conversations, TimeSpan warmup, (TimeSpan Min, TimeSpan Max)? thinkTime)
    {
        var from = Stopwatch.GetTimestamp() + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var to = from + (long)(settings.Duration.TotalSeconds * Stopwatch.Frequency);
        var recorder = new PhaseRecorder(from, to);
        var profile = SnapshotAsync(from, to);
        var workers = Enumerable.Range(0, conversations).Select(i => WorkerAsync(target, i, to, recorder, thinkTime)).ToList();
        await Task.WhenAll(workers);
        var (start, end) = await profile;
        return recorder.Result(target.Name, mode, conversations, settings.Duration, end - start);
    }

    private async Task WorkerAsync(ChatTarget target, int index, long until, PhaseRecorder recorder, (TimeSpan Min, TimeSpan Max)? thinkTime)
    {
        var random = new Random(settings.Seed + index);
        var business = businesses[index % businesses.Count];
        var question = random.Next(business.Plan.Questions.Count);
        Visitor? visitor = null;
        if (thinkTime is { } spread)
        {
            // Visitors arrive spread over one think time, not all in the same instant.
            await Task.Delay(spread.Max * random.NextDouble());
        }

        while (Stopwatch.GetTimestamp() < until)
        {
            if (visitor is null || visitor.Turns >= settings.TurnsPerConversation)
            {
                visitor = new Visitor(target, business);
                var startedAt = Stopwatch.GetTimestamp();
                var (ok, milliseconds) = await visitor.StartAsync();
                recorder.Start(startedAt, ok, milliseconds);
                if (!ok)
                {
                    visitor = null;
                    await Task.Delay(100);
                    continue;
                }
            }

            var text = business.Plan.Questions[question++ % business.Plan.Questions.Count];
            var turnAt = Stopwatch.GetTimestamp();
            var turn = await visitor.SayAsync(text);
            recorder.Turn(turnAt, turn);
            if (!turn.Ok)
            {
                visitor = null;
            }

            if (thinkTime is { } think)
            {
                await Task.Delay(think.Min + ((think.Max - think.Min) * random.NextDouble()));
            }
        }
    }

    private async Task<(ProfileTotals Start, ProfileTotals End)> SnapshotAsync(long from, long to)
    {
        await Task.Delay(Until(from));
        var start = profiler.Totals;
        await Task.Delay(Until(to));
        return (start, profiler.Totals);
    }

    private static TimeSpan Until(long timestamp) =>
        TimeSpan.FromSeconds(Math.Max(0, (timestamp - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency));

    private sealed class PhaseRecorder(long from, long to)
    {
        private readonly Lock _lock = new();
        private readonly List<double> _latencies = [];
        private readonly List<double> _starts = [];
        private int _turns;
        private int _errors;
        private int _cited;
        private int _notOpen;
        private int _startErrors;

        public void Turn(long startedAt, TurnResult turn)
        {
            var finishedAt = Stopwatch.GetTimestamp();
            lock (_lock)
            {
                // Throughput: every turn answered inside the window, including those in flight when it opened.
                _turns += turn.Ok && finishedAt >= from && finishedAt < to ? 1 : 0;
                if (startedAt < from || startedAt >= to)
                {
                    return;
                }

                if (!turn.Ok)
                {
                    _errors++;
                    return;
                }

                _latencies.Add(turn.Milliseconds);
                _cited += turn.Cited ? 1 : 0;
                _notOpen += turn.Open ? 0 : 1;
            }
        }

        public void Start(long startedAt, bool ok, double milliseconds)
        {
            if (startedAt < from || startedAt >= to)
            {
                return;
            }

            lock (_lock)
            {
                _starts.Add(milliseconds);
                _startErrors += ok ? 0 : 1;
            }
        }

        public PhaseResult Result(string target, string mode, int conversations, TimeSpan window, ProfileTotals profile)
        {
            lock (_lock)
            {
                return new PhaseResult(target, mode, conversations, window, new Percentiles(_latencies), _turns, _errors, _cited, _notOpen,
                    _starts.Count, _startErrors, new Percentiles(_starts), profile);
            }
        }
    }
}
