using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SmbAgent.Application.Tests.Notifications.Sms;
using SmbAgent.Tenancy;
using SmbAgent.TestKit.Stubs;
using SmbAgent.Twilio;

namespace SmbAgent.Application.Tests.Twilio;

/// <summary>A Twilio stub plus the platform's Twilio services built the way the application builds them (<c>AddTwilio</c>), with every log captured.</summary>
public sealed class TwilioHarness : IAsyncDisposable
{
    private readonly List<ServiceProvider> providers = [];

    private TwilioHarness(TwilioStubServer stub) => Stub = stub;

    public TwilioStubServer Stub { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public static async Task<TwilioHarness> StartAsync() => new(await TwilioStubServer.StartAsync());

    /// <summary>The stub's account with short backoff, so retries take milliseconds; <paramref name="change"/> edits the settings first.</summary>
    public ServiceProvider BuildServices(Action<Dictionary<string, string?>>? change = null)
    {
        var settings = Stub.ClientSettings();
        settings["Twilio:RetryBaseDelay"] = "00:00:00.010";
        settings["Twilio:AttemptTimeout"] = "00:00:05";
        settings["Twilio:TotalTimeout"] = "00:00:20";
        change?.Invoke(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        // The development outbox's writer works as the host; its database is only reached when it writes.
        services.AddSingleton<ICurrentTenant, CurrentTenant>();
        services.AddTwilio(configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        providers.Add(provider);
        return provider;
    }

    public IOutboundCallPlacer CreatePlacer(Action<Dictionary<string, string?>>? change = null) =>
        BuildServices(change).GetRequiredService<IOutboundCallPlacer>();

    public ITwilioAccountCheck CreateAccountCheck(Action<Dictionary<string, string?>>? change = null) =>
        BuildServices(change).GetRequiredService<ITwilioAccountCheck>();

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in providers)
        {
            await provider.DisposeAsync();
        }

        await Stub.DisposeAsync();
        Logs.Dispose();
    }
}
