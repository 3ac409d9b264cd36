using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Features;
using SmbAgent.Twilio;
using SmbAgent.Web.Tests.Workspace;

namespace SmbAgent.Web.Tests.Voice;

/// <summary>
/// The admin over its own database, with the API's public address set apart from the admin's (the webhooks shown come
/// from it), Twilio's base address on a local recording server, and a fake account check behind "test my setup".
/// </summary>
public sealed class VoiceAdminFixture : IAsyncLifetime
{
    public const string PublicApi = "https://voice.example.test/base/";

    private TestDatabase? database;
    private int numbers;

    public WebHostFactory Factory { get; private set; } = null!;

    public RecordingServer Recordings { get; private set; } = null!;

    public FakeAccountCheck AccountCheck { get; } = new();

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync("voiceadmin");
        await database.MigrateAsync();
        Recordings = await RecordingServer.StartAsync();
        Factory = new WebHostFactory(database, overrides: new Dictionary<string, string?>
        {
            ["PublicUrls:Api"] = PublicApi,
            ["Twilio:BaseUrl"] = Recordings.BaseUrl.AbsoluteUri,
        })
        {
            TestServices = services => services.AddSingleton<ITwilioAccountCheck>(AccountCheck),
        };
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

        if (Recordings is not null)
        {
            await Recordings.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}
