namespace SmbAgent.Observability;

/// <summary>Where traces and metrics go. <c>None</c> (the default) leaves OpenTelemetry out of the process entirely.</summary>
public sealed class ObservabilityOptions
{
    public const string SectionName = "Telemetry";

    public TelemetryExporter Exporter { get; set; } = TelemetryExporter.None;

    /// <summary>The collector's OTLP/HTTP base address (e.g. <c>http://127.0.0.1:4318</c>); signals post to <c>/v1/traces</c> and <c>/v1/metrics</c>.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>How often batched spans and metrics leave the process.</summary>
    public TimeSpan ExportInterval { get; set; } = TimeSpan.FromSeconds(5);
}

public enum TelemetryExporter
{
    None,
    Console,
    Otlp,
}
