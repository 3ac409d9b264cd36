using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SmbAgent.HttpApi.Tests.Observability;

/// <summary>The API host exporting traces and metrics to a local OTLP receiver, with every log entry captured.</summary>
public sealed class ObservabilityFixture : IAsyncLifetime
{
    public CapturingLoggerProvider Logs { get; } = new();

    public OtlpReceiver Collector { get; private set; } = null!;

    public ApiFixture Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Collector = await OtlpReceiver.StartAsync();
        Api = new ApiFixture
        {
            Overrides =
            {
                ["Telemetry:Exporter"] = "Otlp",
                ["Telemetry:OtlpEndpoint"] = Collector.Endpoint.ToString(),
                ["Telemetry:ExportInterval"] = "00:00:00.500",
                // Production's level for everything, and our own code's debug entries too.
                ["Logging:LogLevel:Default"] = "Information",
                ["Logging:LogLevel:SmbAgent"] = "Debug",
            },
            TestServices = services => services.AddSingleton<ILoggerProvider>(Logs),
        };
        await Api.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await Collector.DisposeAsync();
    }
}
