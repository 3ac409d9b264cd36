using SmbAgent.Bench.Chat.Data;
using SmbAgent.Bench.Chat.Hosting;
using SmbAgent.Bench.Chat.Load;
using SmbAgent.Bench.Chat.Measure;

namespace SmbAgent.Bench.Chat.Experiments;

/// <summary>A proposed change, timed like the host as shipped: one turn at a time, the closed loop, and (for the last) the paced load.</summary>
public sealed record ExperimentResult(HostVariant Variant, TurnBreakdown Sequential, PhaseResult Closed, PhaseResult? Paced);

/// <summary>Starts the host once per variant (the previous one stopped) over the same database and businesses.</summary>
public sealed class ExperimentRunner(BenchSettings settings, IReadOnlyList<SeededBusiness> businesses, TurnProfiler profiler, HttpClient http, EmbeddingDrain drain)
{
    public async Task<ExperimentResult> RunAsync(HostVariant variant, int conversations, bool paced)
    {
        await drain.WaitAsync();
        await using var host = new ChatHost(settings, profiler, variant);
        var target = new ChatTarget("ours", http, host.Start());
        var first = businesses[0];
        var sequential = await new SequentialProfile(settings, profiler)
            .RunAsync(variant.Name, target, first, i => first.Plan.Questions[i % first.Plan.Questions.Count]);
        var runner = new LoadRunner(settings, businesses, profiler, drain);
        var closed = await runner.RunClosedAsync(target, conversations);
        return new ExperimentResult(variant, sequential, closed, paced ? await runner.RunPacedAsync(target, settings.PacedConversations) : null);
    }
}
