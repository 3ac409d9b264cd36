using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace SmbAgent.Observability;

public static class ObservabilityExtensions
{
    /// <summary>
    /// Logs with personal data redacted (parameters marked <see cref="PersonalInformationAttribute"/> are erased, whatever the
    /// formatter; appsettings choose the JSON console formatter), and OpenTelemetry traces and metrics for ASP.NET Core,
    /// HttpClient, Npgsql, EF Core, Redis and our own <see cref="SmbAgentTelemetry"/> when <c>Telemetry:Exporter</c> names one.
    /// </summary>
    public static WebApplicationBuilder AddSmbAgentObservability(this WebApplicationBuilder builder, string serviceName)
    {
        builder.Logging.EnableRedaction();
        builder.Services.AddRedaction(redaction =>
            redaction.SetRedactor<ErasingRedactor>(new DataClassificationSet(SmbDataClassifications.PersonalData)));

        var section = builder.Configuration.GetSection(ObservabilityOptions.SectionName);
        builder.Services.Configure<ObservabilityOptions>(section);
        var options = section.Get<ObservabilityOptions>() ?? new ObservabilityOptions();
        if (options.Exporter == TelemetryExporter.None)
        {
            return builder;
        }

        if (options.Exporter == TelemetryExporter.Otlp && options.OtlpEndpoint is null)
        {
            throw new InvalidOperationException("Telemetry:OtlpEndpoint must be set when Telemetry:Exporter is Otlp.");
        }

        var version = Assembly.GetEntryAssembly()?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource
                .AddService(serviceName, serviceVersion: version)
                .AddAttributes([new("deployment.environment.name", builder.Environment.EnvironmentName)]))
            .WithTracing(tracing =>
            {
                tracing
                    .AddSource(SmbAgentTelemetry.SourceName)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddNpgsql()
                    .AddEntityFrameworkCoreInstrumentation()
                    .AddRedisInstrumentation();
                switch (options.Exporter)
                {
                    case TelemetryExporter.Console:
                        tracing.AddConsoleExporter();
                        break;
                    case TelemetryExporter.Otlp:
                        tracing.AddOtlpExporter(otlp => ConfigureOtlp(otlp, options, "traces"));
                        break;
                }
            })
            .WithMetrics(metrics =>
            {
                metrics
                    .AddMeter(SmbAgentTelemetry.SourceName, "Npgsql")
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation();
                switch (options.Exporter)
                {
                    case TelemetryExporter.Console:
                        metrics.AddConsoleExporter((_, reader) => reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)options.ExportInterval.TotalMilliseconds);
                        break;
                    case TelemetryExporter.Otlp:
                        metrics.AddOtlpExporter((otlp, reader) =>
                        {
                            ConfigureOtlp(otlp, options, "metrics");
                            reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)options.ExportInterval.TotalMilliseconds;
                        });
                        break;
                }
            });
        return builder;
    }

    private static void ConfigureOtlp(OtlpExporterOptions otlp, ObservabilityOptions options, string signal)
    {
        otlp.Protocol = OtlpExportProtocol.HttpProtobuf;
        // With HTTP the SDK takes the endpoint as the signal's full URL, so the path is ours to add.
        otlp.Endpoint = new Uri(options.OtlpEndpoint!, $"v1/{signal}");
        otlp.BatchExportProcessorOptions.ScheduledDelayMilliseconds = (int)options.ExportInterval.TotalMilliseconds;
    }
}
