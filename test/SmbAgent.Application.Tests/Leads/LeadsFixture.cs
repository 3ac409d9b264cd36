using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Conversations;
using SmbAgent.Data;
using SmbAgent.Leads;
using SmbAgent.Tenancy;
using SmbAgent.TestKit;

namespace SmbAgent.Application.Tests.Leads;

/// <summary>The lead follow-up services over a migrated database of their own; tenants keep the tests apart.</summary>
public sealed class LeadsFixture : IAsyncLifetime
{
    private TestDatabase? _database;

    public ServiceProvider Services { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("leads");
        await _database.MigrateAsync();
        Services = CoreFixture.BuildServices(_database);
    }

    public async Task<Guid> CreateTenantAsync() => (await TestTenants.CreateAsync(Services)).TenantId;

    /// <summary>Runs <paramref name="action"/> in a fresh scope inside the tenant, as a page request would.</summary>
    public Task<T> InTenantAsync<T>(Guid tenantId, Func<IServiceProvider, Task<T>> action) => Services.InTenantAsync(tenantId, action);

    public Task InTenantAsync(Guid tenantId, Func<IServiceProvider, Task> action) => Services.InTenantAsync(tenantId, action);

    public Task<T> LeadsAsync<T>(Guid tenantId, Func<LeadAppService, Task<T>> action) =>
        InTenantAsync(tenantId, sp => action(sp.GetRequiredService<LeadAppService>()));

    public Task<T> ConversationsAsync<T>(Guid tenantId, Func<ConversationAppService, Task<T>> action) =>
        InTenantAsync(tenantId, sp => action(sp.GetRequiredService<ConversationAppService>()));

    public Task<Guid> AddLeadAsync(Guid tenantId, LeadRow row) =>
        InTenantAsync(tenantId, sp => LeadRows.AddAsync(sp.GetRequiredService<ISmbAgentDbContext>(), tenantId, row));

    public Task SetTimeZoneAsync(Guid tenantId, string timeZone) =>
        InTenantAsync(tenantId, async sp =>
        {
            var db = sp.GetRequiredService<ISmbAgentDbContext>();
            (await db.BusinessProfiles.SingleAsync()).TimeZone = timeZone;
            await db.SaveChangesAsync();
        });

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
