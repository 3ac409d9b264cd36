using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SmbAgent.Notifications.Sms;
using SmbAgent.TestKit.Stubs;

namespace SmbAgent.Application.Tests.Notifications.Sms;

/// <summary>A Twilio stub plus <see cref="ISmsSender"/> built the way the application builds it (<c>AddSms</c>), with every log captured.</summary>
public sealed class SmsHarness : IAsyncDisposable
{
    private readonly List<ServiceProvider> providers = [];

    private SmsHarness(TwilioStubServer stub) => Stub = stub;

    public TwilioStubServer Stub { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public static async Task<SmsHarness> StartAsync() => new(await TwilioStubServer.StartAsync());

    /// <summary>The stub's account with short backoff, so retries take milliseconds; <paramref name="change"/> edits the settings first.</summary>
    public ISmsSender CreateSender(Action<Dictionary<string, string?>>? change = null, bool useMessagingService = false) =>
        BuildServices(change, useMessagingService).GetRequiredService<ISmsSender>();

    public ServiceProvider BuildServices(Action<Dictionary<string, string?>>? change = null, bool useMessagingService = false)
    {
        var settings = Stub.ClientSettings(useMessagingService);
        settings["Twilio:RetryBaseDelay"] = "00:00:00.010";
        settings["Twilio:AttemptTimeout"] = "00:00:05";
        settings["Twilio:TotalTimeout"] = "00:00:20";
        change?.Invoke(settings);
        return Build(settings);
    }

    public ServiceProvider Build(IDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        services.AddSms(configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        providers.Add(provider);
        return provider;
    }

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
