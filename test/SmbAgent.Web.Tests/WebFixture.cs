using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Tenancy;
using SmbAgent.TestKit;

namespace SmbAgent.Web.Tests;

/// <summary>
/// One database per test class, migrated before any host starts (as the run command does), served
/// by two admin hosts: <see cref="Factory"/> (production cookie settings) and
/// <see cref="RevalidatingFactory"/> (the same app, re-validating the cookie's security stamp on
/// every request).
/// </summary>
public sealed class WebFixture : IAsyncLifetime
{
    private TestDatabase? _database;

    public WebHostFactory Factory { get; private set; } = null!;

    public WebHostFactory RevalidatingFactory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("web");
        await _database.MigrateAsync();
        Factory = new WebHostFactory(_database);
        RevalidatingFactory = new WebHostFactory(_database, securityStampValidationInterval: TimeSpan.Zero);
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects.</summary>
    public Browser CreateBrowser(WebHostFactory? factory = null) =>
        new((factory ?? Factory).CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = WebHostFactory.BaseAddress, AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>Creates a business and its owner through the real <see cref="TenantManager"/>.</summary>
    public Task<TenantOwner> CreateTenantAsync(string? name = null, string? ownerEmail = null, string? ownerPassword = null) =>
        TestTenants.CreateAsync(Factory.Services, name, ownerEmail: ownerEmail, ownerPassword: ownerPassword);

    public async Task DisposeAsync()
    {
        if (RevalidatingFactory is not null)
        {
            await RevalidatingFactory.DisposeAsync();
        }

        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
