using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace SmbAgent.Bench.Chat.Measure;

/// <summary>Sums over the turns finished so far; the difference of two is what the turns in between spent.</summary>
/// <param name="TurnTime">Time inside the server's pipeline, from the profiling middleware to the response.</param>
public readonly record struct ProfileTotals(
    long Turns, TimeSpan TurnTime, long Commands, TimeSpan CommandTime, long EmbeddingCalls, TimeSpan EmbeddingTime, long EmbeddingFailures)
{
    public static ProfileTotals operator +(ProfileTotals a, ProfileTotals b) => new(
        a.Turns + b.Turns, a.TurnTime + b.TurnTime, a.Commands + b.Commands, a.CommandTime + b.CommandTime,
        a.EmbeddingCalls + b.EmbeddingCalls, a.EmbeddingTime + b.EmbeddingTime, a.EmbeddingFailures + b.EmbeddingFailures);

    public static ProfileTotals operator -(ProfileTotals a, ProfileTotals b) => new(
        a.Turns - b.Turns, a.TurnTime - b.TurnTime, a.Commands - b.Commands, a.CommandTime - b.CommandTime,
        a.EmbeddingCalls - b.EmbeddingCalls, a.EmbeddingTime - b.EmbeddingTime, a.EmbeddingFailures - b.EmbeddingFailures);
}

/// <summary>
/// Where a turn's time goes, attributed to the turn that spent it: a middleware in each server marks a message
/// request as a turn (an async-local scope), and what happens inside it is added to the turn: every database
/// round trip seen by Npgsql's own tracing (EF queries, raw SQL, the tenant session setting, a batch of inserts:
/// one activity each) and every call to the embedding model (through a wrapper around the registered
/// generator). The sums are added up when the turn's response is done, so a phase's totals and its turn count
/// always cover the same turns. Conversation starts and the job server are not turns.
/// </summary>
public sealed class TurnProfiler : IDisposable
{
    private static readonly AsyncLocal<TurnCounters?> CurrentTurn = new();
    private readonly ActivityListener _listener;
    private static readonly ConcurrentQueue<(long FinishedAt, double Milliseconds)> EmbeddingCalls = new();
    private readonly ConcurrentQueue<(string Statement, TimeSpan Duration)> _captured = new();
    private readonly Lock _lock = new();
    private ProfileTotals _totals;
    private volatile bool _capturing;

    public TurnProfiler()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = OnCommand,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public ProfileTotals Totals
    {
        get
        {
            lock (_lock)
            {
                return _totals;
            }
        }
    }

    /// <summary>The middleware both servers put first: a chat message request is a turn.</summary>
    public async Task ProfileAsync(HttpContext context, Func<Task> next)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Path.Value!.EndsWith("/current/messages", StringComparison.Ordinal))
        {
            await next();
            return;
        }

        var turn = new TurnCounters();
        CurrentTurn.Value = turn;
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next();
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            CurrentTurn.Value = null;
            lock (_lock)
            {
                _totals += turn.Totals(elapsed);
            }
        }
    }

    /// <summary>Records the statements the next turns send, from now until <see cref="StopCapture"/>.</summary>
    public void StartCapture()
    {
        _captured.Clear();
        _capturing = true;
    }

    public IReadOnlyList<(string Statement, TimeSpan Duration)> StopCapture()
    {
        _capturing = false;
        return [.. _captured];
    }

    public static void RecordEmbedding(TimeSpan duration, bool failed)
    {
        if (CurrentTurn.Value is { } turn)
        {
            turn.AddEmbedding(duration, failed);
            EmbeddingCalls.Enqueue((Stopwatch.GetTimestamp(), duration.TotalMilliseconds));
        }
    }

    /// <summary>The turn's emergency check stopped waiting for the model (the call goes on for the knowledge search).</summary>
    public static void RecordEmergencyCheckGaveUp() => CurrentTurn.Value?.AddFailure();

    /// <summary>The duration of each model call made by a turn that finished between two timestamps.</summary>
    public static Percentiles EmbeddingCallsBetween(long from, long to) =>
        new(EmbeddingCalls.Where(c => c.FinishedAt >= from && c.FinishedAt < to).Select(c => c.Milliseconds));

    public void Dispose() => _listener.Dispose();

    private void OnCommand(Activity activity)
    {
        if (CurrentTurn.Value is not { } turn)
        {
            return;
        }

        turn.AddCommand(activity.Duration);
        if (_capturing)
        {
            _captured.Enqueue((activity.GetTagItem("db.query.text") as string ?? activity.GetTagItem("db.statement") as string ?? activity.DisplayName, activity.Duration));
        }
    }

    /// <summary>One turn's sums; the emergency check and the search may call the model from two tasks at once.</summary>
    private sealed class TurnCounters
    {
        private long _commands;
        private long _commandTicks;
        private long _embeddingCalls;
        private long _embeddingTicks;
        private long _embeddingFailures;

        public void AddCommand(TimeSpan duration)
        {
            Interlocked.Increment(ref _commands);
            Interlocked.Add(ref _commandTicks, duration.Ticks);
        }

        public void AddFailure() => Interlocked.Increment(ref _embeddingFailures);

        public void AddEmbedding(TimeSpan duration, bool failed)
        {
            Interlocked.Increment(ref _embeddingCalls);
            Interlocked.Add(ref _embeddingTicks, duration.Ticks);
            if (failed)
            {
                Interlocked.Increment(ref _embeddingFailures);
            }
        }

        public ProfileTotals Totals(TimeSpan elapsed) => new(
            1, elapsed, Interlocked.Read(ref _commands), TimeSpan.FromTicks(Interlocked.Read(ref _commandTicks)),
            Interlocked.Read(ref _embeddingCalls), TimeSpan.FromTicks(Interlocked.Read(ref _embeddingTicks)), Interlocked.Read(ref _embeddingFailures));
    }
}
