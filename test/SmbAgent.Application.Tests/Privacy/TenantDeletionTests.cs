using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Data;
using SmbAgent.Privacy;
using SmbAgent.Tenancy;
using SmbAgent.TestKit;

namespace SmbAgent.Application.Tests.Privacy;

/// <summary>The host's deletion of a business: deactivated at once, restorable during the grace period, purged after it.</summary>
public sealed class TenantDeletionTests(PrivacyFixture fixture) : IClassFixture<PrivacyFixture>
{
    [Fact]
    public async Task Scheduling_deactivates_at_once_and_restoring_brings_the_business_back_whole()
    {
        var business = await fixture.CreateTenantAsync();
        var chat = await PrivacyRows.AddAsync(fixture.Services, business, DateTimeOffset.UtcNow, withLead: true, email: "kim@example.com");

        var due = await fixture.InTenantAsync(null, sp => sp.GetRequiredService<TenantDeletionAppService>().ScheduleAsync(business));

        due.ShouldBe(DateTimeOffset.UtcNow.AddDays(30), TimeSpan.FromMinutes(1), "the default grace period is 30 days");
        var scheduled = await TenantAsync(business);
        scheduled!.IsActive.ShouldBeFalse();
        (await fixture.InTenantAsync(null, sp => sp.GetRequiredService<ITenantStore>().FindAsync(business)))!.IsActive.ShouldBeFalse("the cached tenant is refused at once");

        await fixture.Services.RunJobAsync(null, new PurgeDeletedTenantsArgs());
        (await TenantAsync(business)).ShouldNotBeNull("within the grace period nothing is purged");

        await fixture.InTenantAsync(null, sp => sp.GetRequiredService<TenantDeletionAppService>().RestoreAsync(business));

        var restored = await TenantAsync(business);
        restored!.IsActive.ShouldBeTrue();
        restored.DeletionDueTime.ShouldBeNull();
        (await fixture.CountAsync("SELECT count(*) FROM conversation_messages WHERE conversation_id = @p0", chat.ConversationId)).ShouldBe(2);
    }

    [Fact]
    public async Task After_the_grace_period_every_row_of_the_business_is_purged_and_other_businesses_keep_theirs()
    {
        var business = await fixture.CreateTenantAsync();
        var other = await fixture.CreateTenantAsync();
        await PrivacyRows.AddAsync(fixture.Services, business, DateTimeOffset.UtcNow, withLead: true, email: "kim@example.com");
        await PrivacyRows.AddAsync(fixture.Services, business, DateTimeOffset.UtcNow, withCall: true, phone: "+14155550161");
        await PrivacyRows.AddAsync(fixture.Services, other, DateTimeOffset.UtcNow, withLead: true, email: "kim@example.com");
        var otherRows = await RowsOfAsync(other);
        await fixture.InTenantAsync(null, sp => sp.GetRequiredService<TenantDeletionAppService>().ScheduleAsync(business));
        await fixture.ExecuteAsync("UPDATE tenants SET deletion_due_time = now() - interval '1 minute' WHERE id = @p0", business);
        (await RowsOfAsync(business)).ShouldBeGreaterThan(10, "the business had its owner, roles, settings, questions and traffic");

        await fixture.Services.RunJobAsync(null, new PurgeDeletedTenantsArgs());

        (await TenantAsync(business)).ShouldBeNull();
        (await RowsOfAsync(business)).ShouldBe(0, "no table keeps a row of the business");
        (await fixture.CountAsync("SELECT count(*) FROM feature_values WHERE provider_key = @p0", business)).ShouldBe(0);
        (await RowsOfAsync(other)).ShouldBe(otherRows);
        (await TenantAsync(other)).ShouldNotBeNull();
        (await fixture.CountAsync("SELECT count(*) FROM audit_log_entries WHERE tenant_id IS NULL AND action = 'TenantPurged' AND details LIKE '%' || @p0 || '%'", business.ToString())).ShouldBe(1);
    }

    private Task<Tenant?> TenantAsync(Guid id) =>
        fixture.InTenantAsync(null, async sp =>
        {
            var db = sp.GetRequiredService<ISmbAgentDbContext>();
            return await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id);
        });

    /// <summary>Rows of the tenant in every table with a tenant column, counted as the owner.</summary>
    private async Task<long> RowsOfAsync(Guid tenantId)
    {
        await using var connection = await fixture.OpenOwnerConnectionAsync();
        var tables = new List<string>();
        await using (var list = new Npgsql.NpgsqlCommand(
                         "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'tenant_id'",
                         connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        tables.Count.ShouldBeGreaterThan(15);
        long total = 0;
        foreach (var table in tables)
        {
            await using var count = new Npgsql.NpgsqlCommand($"SELECT count(*) FROM \"{table}\" WHERE tenant_id = @tenant", connection);
            count.Parameters.AddWithValue("tenant", tenantId);
            total += (long)(await count.ExecuteScalarAsync())!;
        }

        return total;
    }
}
