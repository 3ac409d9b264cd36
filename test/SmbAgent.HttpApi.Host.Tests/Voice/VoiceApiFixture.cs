using SmbAgent.TestKit.Stubs;
using SmbAgent.TestKit.Twilio;

namespace SmbAgent.HttpApi.Tests.Voice;

/// <summary>
/// The API host with the Twilio stub as the platform account, behind a "proxy": its public address
/// (<see cref="PublicApi"/>) has another scheme and port than the test client's <c>http://localhost</c>, so only a
/// signature for the public URL passes.
/// </summary>
public sealed class VoiceApiFixture : IAsyncLifetime
{
    public const string PublicApi = "https://localhost:8443";

    public TwilioStubServer Twilio { get; private set; } = null!;

    public ApiFixture Api { get; private set; } = null!;

    /// <summary>Settings over the stub's, for a fixture a test builds itself.</summary>
    public IDictionary<string, string?> Overrides { get; init; } = new Dictionary<string, string?>();

    /// <summary>Extra registrations for a fixture a test builds itself.</summary>
    public Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? Services { get; init; }

    public async Task InitializeAsync()
    {
        Twilio = await TwilioStubServer.StartAsync();
        var settings = Twilio.ClientSettings();
        settings["PublicUrls:Api"] = PublicApi;
        foreach (var (key, value) in Overrides)
        {
            settings[key] = value;
        }

        Api = new ApiFixture { Overrides = settings, TestServices = Services };
        await Api.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await Twilio.DisposeAsync();
    }

    /// <summary>Twilio as it signs for the platform account (the demo line's, the owner alerts').</summary>
    public TwilioWebhookClient PlatformWebhooks() =>
        TwilioWebhookClient.For(Api.Factory, TwilioStubServer.AccountSid, TwilioStubServer.AuthToken);

    /// <summary>Twilio as it signs for a business's own account.</summary>
    public TwilioWebhookClient WebhooksOf(string accountSid, string authToken) => TwilioWebhookClient.For(Api.Factory, accountSid, authToken);
}
