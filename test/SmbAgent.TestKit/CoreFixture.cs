using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Data;
using SmbAgent.Tenancy;
using Xunit;

namespace SmbAgent.TestKit;

/// <summary>
/// The in-process core (application + EF Core) over a migrated database of its own, without HTTP:
/// for app services, stores and the tenant walls.
/// </summary>
public sealed class CoreFixture : IAsyncLifetime
{
    private TestDatabase? _database;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialized.");

    public ServiceProvider Services { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("core");
        await _database.MigrateAsync();
        Services = BuildServices(_database);
    }

    public static ServiceProvider BuildServices(TestDatabase database, IDictionary<string, string?>? overrides = null, Action<IServiceCollection>? configureServices = null)
    {
        var settings = TestSettings.For(database);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSmbAgentApplication(configuration);
        services.AddSmbAgentEntityFrameworkCore(configuration);
        services.AddSmbAgentIdentityCore();
        services.AddAuthentication();
        services.AddHttpContextAccessor();
        configureServices?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>Creates a tenant with its owner through the real <see cref="TenantManager"/>.</summary>
    public async Task<Tenant> CreateTenantAsync(string? name = null, string? edition = null, string? ownerEmail = null, string? ownerPassword = null)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TenantManager>().CreateAsync(
            new CreateTenantRequest(name ?? Names.Business(), ownerEmail ?? $"owner-{Guid.NewGuid():N}@example.com", ownerPassword ?? Passwords.New(), "Owner", edition));
    }

    /// <summary>Runs <paramref name="action"/> in a fresh DI scope inside the tenant (null = host).</summary>
    public Task<T> InTenantAsync<T>(Guid? tenantId, Func<IServiceProvider, Task<T>> action) => Services.InTenantAsync(tenantId, action);

    public Task InTenantAsync(Guid? tenantId, Func<IServiceProvider, Task> action) => Services.InTenantAsync(tenantId, action);

    public async Task DisposeAsync()
    {
        if (Services is not null)
        {
            await Services.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
