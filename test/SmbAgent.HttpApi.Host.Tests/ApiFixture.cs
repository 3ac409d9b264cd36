using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.BackgroundJobs;
using SmbAgent.HttpApi.Tests.Jobs;
using SmbAgent.Identity;
using SmbAgent.Tenancy;
using SmbAgent.TestKit;

namespace SmbAgent.HttpApi.Tests;

/// <summary>The API host over its own migrated database, with its job server running.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    private TestDatabase? _database;

    public HostFactory<Program> Factory { get; private set; } = null!;

    /// <summary>Settings over the kit's defaults, for a fixture a test builds itself.</summary>
    public IDictionary<string, string?> Overrides { get; init; } = new Dictionary<string, string?>();

    /// <summary>Extra registrations for a fixture a test builds itself.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("api");
        await _database.MigrateAsync();
        Factory = new HostFactory<Program>(_database, Overrides)
        {
            TestServices = services =>
            {
                services.AddBackgroundJob<RecordTenantJob, RecordTenantArgs>();
                TestServices?.Invoke(services);
            },
        };
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _database!.DisposeAsync();
    }

    public Task<TenantOwner> CreateTenantAsync(string? edition = null, string? name = null) =>
        TestTenants.CreateAsync(Factory.Services, name, edition);

    /// <summary>Adds a user with the given role to an existing tenant.</summary>
    public async Task<(string Email, string Password)> AddUserAsync(Guid tenantId, string role, string? email = null)
    {
        email ??= $"{role}-{Guid.NewGuid():N}@example.com";
        var password = Passwords.New();
        await using var scope = Factory.Services.CreateAsyncScope();
        using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId))
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser(Guid.NewGuid(), tenantId, email, email);
            (await users.CreateAsync(user, password)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
        }

        return (email, password);
    }

    public Task<HttpClient> ClientForAsync(TenantOwner owner) => ClientForAsync(owner.Name, owner.Email, owner.Password);

    public Task<HttpClient> HostAdminClientAsync() => ClientForAsync(null, TestSettings.HostAdminEmail, TestSettings.HostAdminPassword);

    public async Task<HttpClient> ClientForAsync(string? business, string userName, string password)
    {
        var client = Factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/account/token", new { business, userName, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    private sealed record TokenResponse(string AccessToken);
}
