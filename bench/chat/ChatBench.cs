using System.Diagnostics;
using System.Globalization;
using SmbAgent.Bench.Chat.Data;
using SmbAgent.Bench.Chat.Experiments;
using SmbAgent.Bench.Chat.Hosting;
using SmbAgent.Bench.Chat.Load;
using SmbAgent.Bench.Chat.Measure;

namespace SmbAgent.Bench.Chat;

/// <summary>
/// Chat turns through HTTP (issue 5): the real API host and a bare endpoint doing the same writes, both in this
/// process on Kestrel, driven by the same visitors. Ends with PASS/FAIL lines and GOAL MET or GOAL NOT MET; exits 0
/// either way (it reports, it doesn't gate).
/// </summary>
public static class ChatBench
{
    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        // WebApplicationFactory finds the host's content root through MvcTestingAppManifest.json in the current directory.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        var settings = BenchSettings.Parse(args);
        var started = Stopwatch.GetTimestamp();
        Console.WriteLine($"Chat turns through HTTP: {Environment.ProcessorCount} cores, load average {LoadAverage()}, server GC {System.Runtime.GCSettings.IsServerGC}");

        Console.WriteLine($"1. Database {settings.Database}");
        var database = new BenchDatabase(settings);
        var step = Stopwatch.GetTimestamp();
        await database.RecreateAsync();
        IReadOnlyList<SeededBusiness> businesses;
        await using (var core = CoreServices.Build(settings))
        {
            await BenchDatabase.MigrateAsync(core);
            businesses = await BenchDatabase.SeedAsync(core, Businesses.All.Take(settings.Businesses));
        }

        Console.WriteLine($"  created from template1, migrated, {businesses.Count} businesses with an FAQ each in {Elapsed(step)}");

        using var profiler = new TurnProfiler();
        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 4096,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
            UseCookies = false,
        })
        {
            Timeout = TimeSpan.FromMinutes(2),
        };
        await using var bare = await BareServer.StartAsync(settings, businesses, profiler);
        var baseline = new ChatTarget("bare", http, bare.BaseAddress);
        var drain = new EmbeddingDrain(http, settings);
        var runner = new LoadRunner(settings, businesses, profiler, drain);
        var phases = new List<PhaseResult>();
        var profiles = new List<TurnBreakdown>();
        var idle = new List<MemoryResult>();
        var inFlight = new List<InFlightResult>();
        var experiments = new List<ExperimentResult>();
        await using (var host = new ChatHost(settings, profiler, HostVariant.AsShipped))
        {
            step = Stopwatch.GetTimestamp();
            var ours = new ChatTarget("ours", http, host.Start());
            await database.WaitUntilIndexedAsync(businesses.Count, TimeSpan.FromSeconds(90));
            Console.WriteLine($"2. API host at {ours.BaseAddress}, FAQs indexed by its job server ({await database.ChunkCountAsync()} chunks), bare server at {bare.BaseAddress}: {Elapsed(step)}");

            Console.WriteLine("3. Workload check: every visitor question once through the API host");
            Console.WriteLine("  " + await WorkloadCheck.RunAsync(ours, businesses));

            Console.WriteLine($"4. One turn at a time ({settings.ProfileTurns} turns each, after 10 unmeasured)");
            var sequential = new SequentialProfile(settings, profiler);
            var first = businesses[0];
            profiles.Add(await sequential.RunAsync("ours: FAQ question", ours, first, i => first.Plan.Questions[i % first.Plan.Questions.Count]));
            profiles.Add(await sequential.RunAsync("ours: greeting (no search)", ours, first, _ => Businesses.Greeting));
            profiles.Add(await sequential.RunAsync("bare: same writes", baseline, first, i => first.Plan.Questions[i % first.Plan.Questions.Count]));
            Console.WriteLine();
            Console.WriteLine(Report.Profiles(profiles));
            Console.WriteLine(Report.Statements(profiles[0]));

            if (settings.Experiments)
            {
                // Before the shipped host's closed loops: the requests it abandons under overload can leave the shared
                // embedding service slow for a while (see bench/README.md), which would count against the experiments.
                Console.WriteLine($"5. Experiments: the host with proposed changes applied from outside, one turn at a time and closed loop × {settings.Levels.Max()} (all of them also paced)");
                var experimentRunner = new ExperimentRunner(settings, businesses, profiler, http, drain);
                foreach (var variant in HostVariant.Proposed)
                {
                    var result = await experimentRunner.RunAsync(variant, settings.Levels.Max(), paced: variant == HostVariant.Proposed[^1]);
                    experiments.Add(result);
                    Console.WriteLine(FormattableString.Invariant(
                        $"  {variant.Name}: one at a time p50 {result.Sequential.Latency.P50:F1} ms; × {result.Closed.Conversations}: {result.Closed.Throughput:F1} turns/s, p99 {result.Closed.Latency.P99:F1} ms")
                        + (result.Paced is { } paced ? FormattableString.Invariant($"; paced × {paced.Conversations}: p50 {paced.Latency.P50:F1} ms, p99 {paced.Latency.P99:F1} ms") : string.Empty));
                }
            }

            Console.WriteLine($"{(settings.Experiments ? 6 : 5)}. Paced: {settings.PacedConversations} visitors, {Seconds(settings.ThinkTimeMin)}–{Seconds(settings.ThinkTimeMax)} between a reply and their next message");
            phases.Add(Print(await runner.RunPacedAsync(ours, settings.PacedConversations)));

            Console.WriteLine($"{(settings.Experiments ? 7 : 6)}. Closed loop: at least {Seconds(settings.Warmup)} warm-up (until every visitor has an answer) + {Seconds(settings.Duration)} measured per phase, a new conversation every {settings.TurnsPerConversation} turns");
            foreach (var level in settings.Levels)
            {
                foreach (var target in new[] { ours, baseline })
                {
                    phases.Add(Print(await runner.RunClosedAsync(target, level)));
                }
            }

            Console.WriteLine($"{(settings.Experiments ? 8 : 7)}. Memory: {settings.MemoryConversations} conversations opened with {settings.MemoryTurns} turn(s) each, 50 at a time; then {settings.Levels.Max()} with a turn always in flight");
            var memory = new MemoryProbe(settings, businesses, database);
            await drain.WaitAsync();
            idle.Add(await memory.RunIdleAsync(ours));
            idle.Add(await memory.RunIdleAsync(baseline));
            inFlight.Add(await memory.RunInFlightAsync(ours, settings.Levels.Max(), settings.Warmup));
            await drain.WaitAsync();
            inFlight.Add(await memory.RunInFlightAsync(baseline, settings.Levels.Max(), settings.Warmup));
        }

        Console.WriteLine();
        Console.WriteLine(Report.Phases(phases));
        Console.WriteLine(Report.Ratios(phases));
        Console.WriteLine("Where ours spends a turn under load:");
        Console.WriteLine(Report.UnderLoad(phases));
        Console.WriteLine("Memory per active conversation, opened and idle between turns:");
        Console.WriteLine(Report.Memory(idle));
        Console.WriteLine("Memory per active conversation, a turn in flight:");
        Console.WriteLine(Report.InFlight(inFlight));
        if (experiments.Count > 0)
        {
            Console.WriteLine("Experiments (proposed changes, applied from outside the source):");
            Console.WriteLine(Report.Experiments(profiles[0], phases, experiments));
        }

        foreach (var line in Report.Verdicts(phases))
        {
            Console.WriteLine(line);
        }

        Console.WriteLine($"(whole run {Elapsed(started)}, load average now {LoadAverage()})");
        return 0;
    }

    private static PhaseResult Print(PhaseResult phase)
    {
        Console.WriteLine(FormattableString.Invariant(
            $"  {phase.Target} × {phase.Conversations}: {phase.Throughput:F1} turns/s, p50 {phase.Latency.P50:F1} ms, p99 {phase.Latency.P99:F1} ms, {phase.Errors + phase.StartErrors} errors (warm-up {phase.Warmup.TotalSeconds:F1} s{(phase.WaitingAtOpening > 0 ? $", {phase.WaitingAtOpening} visitors still without an answer" : "")})"));
        return phase;
    }

    private static string Seconds(TimeSpan time) => FormattableString.Invariant($"{time.TotalSeconds:F0} s");

    private static string Elapsed(long since) => FormattableString.Invariant($"{Stopwatch.GetElapsedTime(since).TotalSeconds:F1} s");

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
