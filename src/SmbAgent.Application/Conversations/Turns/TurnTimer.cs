using System.Diagnostics;
using SmbAgent.Observability;

namespace SmbAgent.Conversations.Turns;

/// <summary>
/// Adds up the time one turn spends per <see cref="TurnPhase"/> (scoped: a request or job runs one turn at a time),
/// each measured span also a trace span and a histogram sample.
/// </summary>
public sealed class TurnTimer
{
    private readonly long[] elapsedTicks = new long[Enum.GetValues<TurnPhase>().Length];

    public TimeSpan this[TurnPhase phase] => TimeSpan.FromTicks(Interlocked.Read(ref elapsedTicks[(int)phase]));

    public void Reset() => Array.Clear(elapsedTicks);

    /// <summary>Measures until the returned scope is disposed.</summary>
    public PhaseMeasurement Measure(TurnPhase phase) =>
        new(this, phase, Stopwatch.GetTimestamp(), SmbAgentTelemetry.Source.StartActivity($"turn.{phase.ToString().ToLowerInvariant()}"));

    /// <summary>The phase's time in whole milliseconds, null when the turn never entered it.</summary>
    public int? Milliseconds(TurnPhase phase) =>
        this[phase] is var elapsed && elapsed > TimeSpan.Zero ? (int)Math.Ceiling(elapsed.TotalMilliseconds) : null;

    private void Add(TurnPhase phase, TimeSpan elapsed)
    {
        Interlocked.Add(ref elapsedTicks[(int)phase], elapsed.Ticks);
        SmbAgentTelemetry.TurnPhaseDuration.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("phase", phase.ToString().ToLowerInvariant()));
    }

    public readonly struct PhaseMeasurement(TurnTimer timer, TurnPhase phase, long started, Activity? activity) : IDisposable
    {
        public void Dispose()
        {
            timer.Add(phase, Stopwatch.GetElapsedTime(started));
            activity?.Dispose();
        }
    }
}
