using System.Diagnostics;
using SmbAgent.Bench.Chat.Data;
using SmbAgent.Bench.Chat.Measure;

namespace SmbAgent.Bench.Chat.Load;

/// <summary>What a phase measured in its window.</summary>
/// <param name="Mode">"closed" (each conversation sends its next turn as soon as the last is answered) or "paced" (think time between turns).</param>
/// <param name="Warmup">How long it took until every visitor had an answer (at least the minimum warm-up).</param>
/// <param name="WaitingAtOpening">Visitors still without an answer when the maximum warm-up forced the window open.</param>
public sealed record PhaseResult(
    string Target,
    string Mode,
    int Conversations,
    TimeSpan Window,
    TimeSpan Warmup,
    int WaitingAtOpening,
    Percentiles Latency,
    int Turns,
    int Errors,
    int Cited,
    int NotOpen,
    int Starts,
    int StartErrors,
    Percentiles StartLatency,
    ProfileTotals Profile,
    Percentiles EmbeddingCalls)
{
    /// <summary>Turns answered per second of the window.</summary>
    public double Throughput => Turns / Window.TotalSeconds;
}

/// <summary>
/// Drives N visitors at one target for a warm-up and then a measured window. Each visitor talks to one business
/// (round robin), asks its questions in turn and opens a new conversation every
/// <see cref="BenchSettings.TurnsPerConversation"/> turns. Visitors arrive spread over the first half of the
/// warm-up, and the window opens only once every visitor has had a turn answered: the first turns of a crowd that
/// arrives at once can take far longer than later ones, and a visitor still waiting on one would be idle in the
/// window without being counted. A turn's latency is measured when it starts inside the window; the throughput
/// counts the turns answered inside it.
/// </summary>
public sealed class LoadRunner(BenchSettings settings, IReadOnlyList<SeededBusiness> businesses, TurnProfiler profiler, EmbeddingDrain drain)
{
    /// <summary>Past this the window opens anyway, and the phase says how many visitors were still waiting.</summary>
    private static readonly TimeSpan MaxWarmup = TimeSpan.FromSeconds(30);

    public Task<PhaseResult> RunClosedAsync(ChatTarget target, int conversations) =>
        RunAsync(target, "closed", conversations, settings.Warmup, arrivals: settings.Warmup / 2, thinkTime: null);

    /// <summary>Visitors at a typing pace: a think time drawn between the settings' bounds before each turn.</summary>
    public Task<PhaseResult> RunPacedAsync(ChatTarget target, int conversations) =>
        RunAsync(target, "paced", conversations, settings.Warmup + settings.ThinkTimeMax, arrivals: settings.ThinkTimeMax, (settings.ThinkTimeMin, settings.ThinkTimeMax));

    private async Task<PhaseResult> RunAsync(
        ChatTarget target, string mode, int conversations, TimeSpan warmup, TimeSpan arrivals, (TimeSpan Min, TimeSpan Max)? thinkTime)
    {
        var drained = await drain.WaitAsync();
        if (drained > TimeSpan.FromSeconds(2))
        {
            Console.WriteLine(FormattableString.Invariant($"  (waited {drained.TotalSeconds:F0} s for the embedding service to finish the previous phase's abandoned requests)"));
        }

        var window = new Window(conversations, warmup, MaxWarmup, settings.Duration);
        var recorder = new PhaseRecorder(window);
        var profile = SnapshotAsync(window);
        var workers = Enumerable.Range(0, conversations)
            .Select(i => WorkerAsync(target, i, arrivals * i / conversations, window, recorder, thinkTime))
            .ToList();
        await Task.WhenAll(workers);
        var (start, end) = await profile;
        return recorder.Result(target.Name, mode, conversations, settings.Duration, end - start, TurnProfiler.EmbeddingCallsBetween(window.From, window.To));
    }

    private async Task WorkerAsync(
        ChatTarget target, int index, TimeSpan arrival, Window window, PhaseRecorder recorder, (TimeSpan Min, TimeSpan Max)? thinkTime)
    {
        var random = new Random(settings.Seed + index);
        var business = businesses[index % businesses.Count];
        var question = random.Next(business.Plan.Questions.Count);
        Visitor? visitor = null;
        var answered = false;
        await Task.Delay(arrival);
        while (Stopwatch.GetTimestamp() < window.To)
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
            if (!answered && turn.Ok)
            {
                answered = true;
                window.Answered();
            }

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

    private async Task<(ProfileTotals Start, ProfileTotals End)> SnapshotAsync(Window window)
    {
        await window.Opened;
        var start = profiler.Totals;
        await Task.Delay(settings.Duration);
        return (start, profiler.Totals);
    }

    /// <summary>
    /// When the measured window is: it opens at the minimum warm-up once every visitor has had an answer, or when
    /// the last one gets it, or at the maximum warm-up; then it lasts the phase's duration.
    /// </summary>
    private sealed class Window
    {
        private readonly long _started = Stopwatch.GetTimestamp();
        private readonly long _earliest;
        private readonly long _duration;
        private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _waiting;
        private long _from = long.MaxValue;

        public Window(int visitors, TimeSpan minimum, TimeSpan maximum, TimeSpan duration)
        {
            _waiting = visitors;
            _earliest = _started + Ticks(minimum);
            _duration = Ticks(duration);
            _ = OpenOnTimeAsync(minimum, maximum);
        }

        public long From => Interlocked.Read(ref _from);

        public long To => From == long.MaxValue ? long.MaxValue : From + _duration;

        public Task Opened => _opened.Task;

        /// <summary>How long the warm-up was, and how many visitors still had no answer when the window opened.</summary>
        public (TimeSpan Warmup, int Waiting) Opening { get; private set; }

        public void Answered()
        {
            if (Interlocked.Decrement(ref _waiting) == 0 && Stopwatch.GetTimestamp() >= _earliest)
            {
                Open();
            }
        }

        private async Task OpenOnTimeAsync(TimeSpan minimum, TimeSpan maximum)
        {
            await Task.Delay(minimum);
            if (Volatile.Read(ref _waiting) <= 0)
            {
                Open();
            }

            await Task.Delay(maximum - minimum);
            Open();
        }

        private void Open()
        {
            var now = Stopwatch.GetTimestamp();
            if (Interlocked.CompareExchange(ref _from, now, long.MaxValue) == long.MaxValue)
            {
                Opening = (TimeSpan.FromSeconds((now - _started) / (double)Stopwatch.Frequency), Math.Max(0, Volatile.Read(ref _waiting)));
                _opened.TrySetResult();
            }
        }

        private static long Ticks(TimeSpan time) => (long)(time.TotalSeconds * Stopwatch.Frequency);
    }

    private sealed class PhaseRecorder(Window window)
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
            var (from, to) = (window.From, window.To);
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
            if (startedAt < window.From || startedAt >= window.To)
            {
                return;
            }

            lock (_lock)
            {
                _starts.Add(milliseconds);
                _startErrors += ok ? 0 : 1;
            }
        }

        public PhaseResult Result(string target, string mode, int conversations, TimeSpan duration, ProfileTotals profile, Percentiles embeddingCalls)
        {
            lock (_lock)
            {
                return new PhaseResult(target, mode, conversations, duration, window.Opening.Warmup, window.Opening.Waiting, new Percentiles(_latencies),
                    _turns, _errors, _cited, _notOpen, _starts.Count, _startErrors, new Percentiles(_starts), profile, embeddingCalls);
            }
        }
    }
}
