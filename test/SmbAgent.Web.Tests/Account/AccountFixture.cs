using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Identity;
using SmbAgent.Tenancy;
using SmbAgent.TestKit;
using SmbAgent.Web.Pages.Account;

namespace SmbAgent.Web.Tests.Account;

/// <summary>
/// The account pages over their own database, with their own mail pickup folder. <see cref="Factory"/>
/// lifts the sign-up and sign-in rate limits (every test client shares one address); <see cref="LowLimitFactory"/>
/// allows <see cref="LowSignUpLimit"/> sign-up posts per ten minutes and as many sign-in posts per minute.
/// </summary>
public sealed class AccountFixture : IAsyncLifetime
{
    public const int LowSignUpLimit = 2;

    private TestDatabase? _database;

    public WebHostFactory Factory { get; private set; } = null!;

    public WebHostFactory LowLimitFactory { get; private set; } = null!;

    public MailFolder Mail { get; } = new(Directory.CreateTempSubdirectory("smbagent-account-mail-").FullName);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("account");
        await _database.MigrateAsync();
        Factory = new WebHostFactory(_database, overrides: Settings(1000));
        LowLimitFactory = new WebHostFactory(_database, overrides: Settings(LowSignUpLimit));
    }

    public Browser CreateBrowser(WebHostFactory? factory = null) =>
        new((factory ?? Factory).CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = WebHostFactory.BaseAddress, AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>Creates a business and its owner through the real <see cref="TenantManager"/>.</summary>
    public Task<TenantOwner> CreateTenantAsync(string? name = null, string? ownerEmail = null, string? ownerPassword = null) =>
        TestTenants.CreateAsync(Factory.Services, name, ownerEmail: ownerEmail, ownerPassword: ownerPassword);

    public async Task DisposeAsync()
    {
        if (LowLimitFactory is not null)
        {
            await LowLimitFactory.DisposeAsync();
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

    private Dictionary<string, string?> Settings(int signUpLimit) => new()
    {
        ["Email:PickupDirectory"] = Mail.Directory,
        [SignUpRateLimit.LimitKey] = signUpLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [SignInRateLimit.LimitKey] = signUpLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
