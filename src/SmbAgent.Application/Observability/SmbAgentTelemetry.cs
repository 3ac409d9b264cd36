using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SmbAgent.Observability;

/// <summary>Our own spans and instruments, exported by OpenTelemetry beside the framework's when an exporter is configured.</summary>
public static class SmbAgentTelemetry
{
    public const string SourceName = "SmbAgent";

    public static readonly ActivitySource Source = new(SourceName);

    private static readonly Meter Meter = new(SourceName);

    /// <summary>Time a turn spent in one phase (tag <c>phase</c>: retrieval, model, speech), in milliseconds.</summary>
    public static readonly Histogram<double> TurnPhaseDuration = Meter.CreateHistogram<double>(
        "smbagent.turn.phase.duration", unit: "ms", description: "Time one conversation turn spent in retrieval, the model or speech.");
}
