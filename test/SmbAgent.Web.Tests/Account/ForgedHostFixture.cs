using Microsoft.AspNetCore.Mvc.Testing;
using SmbAgent.Tenancy;
using SmbAgent.TestKit;
using SmbAgent.Web.Pages.Account;

namespace SmbAgent.Web.Tests.Account;

/// <summary>
/// The admin at a configured public address with its own mail pickup folder. <see cref="AnyHostFactory"/>
/// answers to every Host header (as a proxy that passes any name through would), so the mailed links show
/// where they are built from; <see cref="Factory"/> keeps the host filter the public address sets.
/// </summary>
public sealed class ForgedHostFixture : IAsyncLifetime
{
    public const string PublicAdminUrl = "https://admin.smbagent.test";

    private TestDatabase? _database;

    public WebHostFactory Factory { get; private set; } = null!;

    public WebHostFactory AnyHostFactory { get; private set; } = null!;

    public MailFolder Mail { get; } = new(Directory.CreateTempSubdirectory("smbagent-forged-host-mail-").FullName);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("forgedhost");
        await _database.MigrateAsync();
        Factory = new WebHostFactory(_database, overrides: Settings());
        var anyHost = Settings();
        anyHost["AllowedHosts"] = "*";
        AnyHostFactory = new WebHostFactory(_database, overrides: anyHost);
    }

    /// <summary>A browser-like client whose every request claims to be for <paramref name="host"/>.</summary>
    public static Browser CreateBrowser(WebHostFactory factory, string host)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = WebHostFactory.BaseAddress, AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Host = host;
        return new Browser(client);
    }

    /// <summary>Creates a business and its owner through the real <see cref="TenantManager"/>.</summary>
    public Task<TenantOwner> CreateTenantAsync() => TestTenants.CreateAsync(AnyHostFactory.Services, name: null);

    public async Task DisposeAsync()
    {
        if (AnyHostFactory is not null)
        {
            await AnyHostFactory.DisposeAsync();
        }

        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        Directory.Delete(Mail.Directory, recursive: true);
    }

    private Dictionary<string, string?> Settings() => new()
    {
        ["Email:PickupDirectory"] = Mail.Directory,
        ["PublicUrls:Admin"] = PublicAdminUrl,
        [SignUpRateLimit.LimitKey] = "1000",
    };
}
