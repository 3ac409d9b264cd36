using Microsoft.AspNetCore.Mvc.Testing;
using SmbAgent.Features;
using SmbAgent.TestKit.Stubs;
using SmbAgent.Web.Tests.Workspace;

namespace SmbAgent.Web.Tests.Voice;

/// <summary>
/// The admin over its own database, with the API's public address set apart from the admin's (the webhooks shown come
/// from it) and Twilio's REST API on the local stub, which "test my setup" asks and the recordings stream from.
/// </summary>
public sealed class VoiceAdminFixture : IAsyncLifetime
{
    public const string PublicApi = "https://voice.example.test/base/";

    private TestDatabase? database;
    private int numbers;

    public WebHostFactory Factory { get; private set; } = null!;

    public TwilioStubServer Twilio { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync("voiceadmin");
        await database.MigrateAsync();
        Twilio = await TwilioStubServer.StartAsync();
        Factory = new WebHostFactory(database, overrides: new Dictionary<string, string?>
        {
            ["PublicUrls:Api"] = PublicApi,
            ["Twilio:BaseUrl"] = Twilio.BaseUrl.AbsoluteUri,
        });
    }

    public Browser CreateBrowser() =>
        new(Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = WebHostFactory.BaseAddress, AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>A business on <paramref name="edition"/> (PRO: the voice agent and premium voices) and its signed-in owner.</summary>
    public async Task<(TenantOwner Owner, Browser Browser)> SignedInOwnerAsync(string edition = EditionMatrix.Pro)
    {
        var owner = await TestTenants.CreateAsync(Factory.Services);
        if (edition != EditionMatrix.Free)
        {
            await Factory.ChangeEditionAsync(owner.TenantId, edition);
        }

        var browser = CreateBrowser();
        await browser.SignInAsync(owner);
        return (owner, browser);
    }

    /// <summary>A valid US number no other test of the class uses, in E.164.</summary>
    public string NewNumber()
    {
        var n = Interlocked.Increment(ref numbers);
        return $"+1415{520 + (n / 9000)}{1000 + (n % 9000)}";
    }

    public async Task DisposeAsync()
    {
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }

        if (Twilio is not null)
        {
            await Twilio.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}
