using System.Globalization;
using System.Text;
using SmbAgent.Bench.Chat.Experiments;
using SmbAgent.Bench.Chat.Load;
using SmbAgent.Bench.Chat.Measure;

namespace SmbAgent.Bench.Chat;

/// <summary>The printed tables and verdicts (milliseconds unless named otherwise).</summary>
public static class Report
{
    private const double GoalP99Ms = 50;
    private const double GoalThroughputRatio = 0.5;
    private const int GoalConversations = 200;

    public static string Profiles(IReadOnlyList<TurnBreakdown> profiles)
    {
        var text = new StringBuilder();
        text.AppendLine("| turn (one at a time) | p50 | p95 | p99 | server ms | DB round trips | DB ms | embedding calls | embedding ms | rest ms | answered from FAQ | still open |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var p in profiles)
        {
            var rest = p.ServerMsPerTurn - p.DatabaseMsPerTurn - p.EmbeddingMsPerTurn;
            text.AppendLine(Invariant(
                $"| {p.Label} | {p.Latency.P50:F1} | {p.Latency.P95:F1} | {p.Latency.P99:F1} | {p.ServerMsPerTurn:F1} | {p.CommandsPerTurn:F1} | {p.DatabaseMsPerTurn:F1} | {p.EmbeddingCallsPerTurn:F1} | {p.EmbeddingMsPerTurn:F1} | {rest:F1} | {p.CitedShare:P0} | {p.OpenShare:P0} |"));
        }

        text.AppendLine("(p50–p99: latency at the client. Means per turn inside the server's pipeline: server ms from the first middleware to the");
        text.AppendLine(" response; DB ms and embedding ms inside the round trips and model calls; rest is what remains: routing, tenant");
        text.AppendLine(" resolution, EF, the engine, JSON, connection pool waits.)");
        return text.ToString();
    }

    public static string Statements(TurnBreakdown profile)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"Round trips of one '{profile.Label}' turn, in order:"));
        foreach (var (statement, duration) in profile.Statements)
        {
            var line = string.Join(' ', statement.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
            text.AppendLine(Invariant($"  {duration.TotalMilliseconds,6:F2} ms  {(line.Length > 150 ? line[..150] + "…" : line)}"));
        }

        return text.ToString();
    }

    public static string Phases(IReadOnlyList<PhaseResult> phases)
    {
        var text = new StringBuilder();
        text.AppendLine("| load | conversations | server | turns/s | p50 | p95 | p99 | max | errors | answered from FAQ | left open | starts/s | start p99 | warm-up s |");
        text.AppendLine("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var p in phases)
        {
            var cited = p.Latency.Count == 0 ? 0 : p.Cited / (double)p.Latency.Count;
            var open = p.Latency.Count == 0 ? 0 : 1 - (p.NotOpen / (double)p.Latency.Count);
            text.AppendLine(Invariant(
                $"| {p.Mode} | {p.Conversations} | {p.Target} | {p.Throughput:F1} | {p.Latency.P50:F1} | {p.Latency.P95:F1} | {p.Latency.P99:F1} | {p.Latency.Max:F0} | {p.Errors + p.StartErrors} | {cited:P0} | {open:P0} | {p.Starts / p.Window.TotalSeconds:F1} | {(p.Starts == 0 ? "–" : p.StartLatency.P99.ToString("F1", CultureInfo.InvariantCulture))} | {p.Warmup.TotalSeconds:F1}{(p.WaitingAtOpening > 0 ? "*" : "")} |"));
        }

        if (phases.Any(p => p.WaitingAtOpening > 0))
        {
            text.AppendLine("* the window opened at the maximum warm-up with visitors still waiting for their first answer.");
        }

        return text.ToString();
    }

    public static string Ratios(IReadOnlyList<PhaseResult> phases)
    {
        var text = new StringBuilder();
        foreach (var (mode, conversations, ours, bare) in Pairs(phases))
        {
            var line = Invariant(
                $"  {mode} {conversations}: ours/bare throughput {ours.Throughput / bare.Throughput:F2}, p50 {ours.Latency.P50 / bare.Latency.P50:F1}x, p99 {ours.Latency.P99 / bare.Latency.P99:F1}x");
            // In a closed loop every conversation always has a turn in flight, so the mean latency is fixed by the throughput.
            text.AppendLine(mode == "closed"
                ? line + Invariant($" (Little's law: {conversations} in flight / {ours.Throughput:F0} turns/s = {conversations / ours.Throughput * 1000:F0} ms mean for ours)")
                : line);
        }

        return text.ToString();
    }

    /// <summary>Where ours spent its time under load: sums over the turns the server finished in the window.</summary>
    public static string UnderLoad(IReadOnlyList<PhaseResult> phases)
    {
        var text = new StringBuilder();
        text.AppendLine("| load | conversations | client mean ms | server mean ms | DB round trips/turn | DB ms/turn | embedding calls/turn | embedding call p50 / p99 / max ms | embedding share | DB share | emergency checks that gave up |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |");
        foreach (var p in phases.Where(p => p.Target == "ours" && p.Profile.Turns > 0))
        {
            var profile = p.Profile;
            double turns = profile.Turns;
            var calls = p.EmbeddingCalls;
            text.AppendLine(Invariant(
                $"| {p.Mode} | {p.Conversations} | {p.Latency.Mean:F1} | {profile.TurnTime.TotalMilliseconds / turns:F1} | {profile.Commands / turns:F1} | {profile.CommandTime.TotalMilliseconds / turns:F1} | {profile.EmbeddingCalls / turns:F2} | {calls.P50:F0} / {calls.P99:F0} / {calls.Max:F0} | {profile.EmbeddingTime / profile.TurnTime:P0} | {profile.CommandTime / profile.TurnTime:P0} | {profile.EmbeddingFailures} |"));
        }

        text.AppendLine("(shares: time in model calls / in database round trips over the turns' time in the server. The emergency check and the");
        text.AppendLine(" search share one model call; the check stops waiting for it after 2 s and judges by words alone.)");
        return text.ToString();
    }

    public static string Memory(IReadOnlyList<MemoryResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine("| server | conversations × turns | managed heap / conversation | working set / conversation | database / conversation | load generator's own / conversation | failures | took |");
        text.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var m in results)
        {
            text.AppendLine(Invariant(
                $"| {m.Target} | {m.Conversations} × {m.TurnsEach} | {Bytes(m.PerConversation(m.ServerManagedBytes))} | {Bytes(m.PerConversation(m.WorkingSetBytes))} | {Bytes(m.PerConversation(m.DatabaseBytes))} | {Bytes(m.PerConversation(m.ClientManagedBytes))} | {m.Failures} | {m.Took.TotalSeconds:F1} s |"));
        }

        return text.ToString();
    }

    public static string Experiments(TurnBreakdown asShipped, IReadOnlyList<PhaseResult> phases, IReadOnlyList<ExperimentResult> experiments)
    {
        var conversations = experiments[0].Closed.Conversations;
        var bare = phases.Single(p => p is { Target: "bare", Mode: "closed" } && p.Conversations == conversations);
        var shipped = phases.Single(p => p is { Target: "ours", Mode: "closed" } && p.Conversations == conversations);
        var text = new StringBuilder();
        text.AppendLine(Invariant($"| host | one at a time p50 / p99 | DB round trips | embedding calls | embedding ms | × {conversations}: turns/s | p50 | p99 | ours/bare | emergency checks that gave up |"));
        text.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (sequential, closed) in experiments.Select(e => (e.Sequential, e.Closed)).Prepend((asShipped, shipped)))
        {
            text.AppendLine(Invariant(
                $"| {(ReferenceEquals(sequential, asShipped) ? "as shipped" : sequential.Label)} | {sequential.Latency.P50:F1} / {sequential.Latency.P99:F1} | {sequential.CommandsPerTurn:F1} | {sequential.EmbeddingCallsPerTurn:F1} | {sequential.EmbeddingMsPerTurn:F1} | {closed.Throughput:F1} | {closed.Latency.P50:F0} | {closed.Latency.P99:F0} | {closed.Throughput / bare.Throughput:F2} | {closed.Profile.EmbeddingFailures} |"));
        }

        text.AppendLine(Invariant($"(bare × {conversations}: {bare.Throughput:F1} turns/s; with batching, embedding ms is the time a turn waited for its batch.)"));
        var shippedPaced = phases.FirstOrDefault(p => p is { Target: "ours", Mode: "paced" });
        foreach (var experiment in experiments.Where(e => e.Paced is not null))
        {
            var paced = experiment.Paced!;
            text.AppendLine(Invariant(
                $"Paced × {paced.Conversations}: {experiment.Variant.Name} p50 {paced.Latency.P50:F1} / p99 {paced.Latency.P99:F1} ms at {paced.Throughput:F1} turns/s, emergency checks that gave up {paced.Profile.EmbeddingFailures}")
                + (shippedPaced is null ? string.Empty : Invariant($"; as shipped p50 {shippedPaced.Latency.P50:F1} / p99 {shippedPaced.Latency.P99:F1} ms")));
        }
        return text.ToString();
    }

    public static string InFlight(IReadOnlyList<InFlightResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine("| server | conversations with a turn in flight | managed heap / conversation | working set / conversation |");
        text.AppendLine("| --- | ---: | ---: | ---: |");
        foreach (var m in results)
        {
            text.AppendLine(Invariant($"| {m.Target} | {m.Conversations} | {Bytes(m.PerConversation(m.ManagedBytes))} | {Bytes(m.PerConversation(m.WorkingSetBytes))} |"));
        }

        text.AppendLine("(both sides of each request: the load generator's client state is in the same process.)");
        return text.ToString();
    }

    public static IEnumerable<string> Verdicts(IReadOnlyList<PhaseResult> phases)
    {
        var closed = Pairs(phases).Where(p => p.Mode == "closed").ToList();
        var atGoal = closed.FirstOrDefault(p => p.Conversations == GoalConversations);
        if (atGoal.Ours is null)
        {
            yield return $"NO VERDICT: no closed-loop phase at {GoalConversations} conversations was run (see --levels).";
            yield break;
        }

        var latencyMet = atGoal.Ours.Latency.P99 < GoalP99Ms;
        var ratio = atGoal.Ours.Throughput / atGoal.Bare.Throughput;
        var throughputMet = ratio >= GoalThroughputRatio;
        yield return Invariant($"{Mark(latencyMet)}  p99 at {GoalConversations} concurrent conversations (closed loop): {atGoal.Ours.Latency.P99:F1} ms (goal < {GoalP99Ms} ms; bare: {atGoal.Bare.Latency.P99:F1} ms)");
        yield return Invariant($"{Mark(throughputMet)}  throughput at {GoalConversations}: ours {atGoal.Ours.Throughput:F1} vs bare {atGoal.Bare.Throughput:F1} turns/s = {ratio:F2} (goal >= {GoalThroughputRatio})");
        foreach (var other in closed.Where(p => p.Conversations != GoalConversations))
        {
            var r = other.Ours.Throughput / other.Bare.Throughput;
            yield return Invariant($"{Mark(other.Ours.Latency.P99 < GoalP99Ms && r >= GoalThroughputRatio)}  at {other.Conversations} (closed loop): p99 {other.Ours.Latency.P99:F1} ms, throughput ratio {r:F2}");
        }

        foreach (var paced in Pairs(phases).Where(p => p.Mode == "paced"))
        {
            yield return Invariant(
                $"{Mark(paced.Ours.Latency.P99 < GoalP99Ms)}  p99 at {paced.Conversations} conversations at a typing pace ({paced.Ours.Throughput:F1} turns/s offered): {paced.Ours.Latency.P99:F1} ms (bare {paced.Bare.Latency.P99:F1} ms) [not the issue's criterion; for reference]");
        }

        yield return latencyMet && throughputMet ? "GOAL MET" : "GOAL NOT MET";
    }

    private static IEnumerable<(string Mode, int Conversations, PhaseResult Ours, PhaseResult Bare)> Pairs(IReadOnlyList<PhaseResult> phases) =>
        from ours in phases
        where ours.Target == "ours"
        join bare in phases.Where(p => p.Target == "bare") on (ours.Mode, ours.Conversations) equals (bare.Mode, bare.Conversations)
        select (ours.Mode, ours.Conversations, ours, bare);

    private static string Mark(bool met) => met ? "PASS" : "FAIL";

    private static string Bytes(double bytes) =>
        Math.Abs(bytes) >= 1024 ? Invariant($"{bytes / 1024:F1} KB") : Invariant($"{bytes:F0} B");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
