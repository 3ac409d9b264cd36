using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using SmbAgent.Web.Pages.Account;

namespace SmbAgent.Web.Tests.Fuzzing;

/// <summary>
/// The admin host for fuzzing, over its own database: the sign-up rate limit out of the way and only errors logged.
/// An anonymous browser with an antiforgery token, and a browser signed in as a business owner.
/// </summary>
public sealed class FuzzWebFixture : IAsyncLifetime
{
    private TestDatabase? _database;

    public WebHostFactory Factory { get; private set; } = null!;

    public TestDatabase Database => _database!;

    public Browser Anonymous { get; private set; } = null!;

    public string AntiforgeryToken { get; private set; } = string.Empty;

    public Browser Owner { get; private set; } = null!;

    public TenantOwner OwnerAccount { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("webfuzz");
        await _database.MigrateAsync();
        Factory = new WebHostFactory(_database, overrides: new Dictionary<string, string?>
        {
            [SignUpRateLimit.LimitKey] = "1000000",
            ["Logging:LogLevel:Default"] = "Error",
        });
        Anonymous = CreateBrowser();
        using (var login = await Anonymous.GetAsync(Browser.LoginPath))
        {
            login.StatusCode.ShouldBe(HttpStatusCode.OK);
            AntiforgeryToken = Browser.AntiforgeryToken(await login.Content.ReadAsStringAsync());
        }

        OwnerAccount = await TestTenants.CreateAsync(Factory.Services);
        Owner = CreateBrowser();
        await Owner.SignInAsync(OwnerAccount);
    }

    public async Task DisposeAsync()
    {
        Anonymous?.Dispose();
        Owner?.Dispose();
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    private Browser CreateBrowser() =>
        new(Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = WebHostFactory.BaseAddress, AllowAutoRedirect = false, HandleCookies = true }));
}
