using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SmbAgent.Leads;
using SmbAgent.Tenancy;
using SmbAgent.TestKit;

namespace SmbAgent.EntityFrameworkCore.Tests.Tenancy;

/// <summary>
/// The DbContext's pooled PostgreSQL sessions keep their tenant between uses, and the tenant is set again only when
/// it differs: whichever session a query lands on, row-level security sees the query's tenant. Raw SQL is used
/// because it has only row-level security to rely on.
/// </summary>
public sealed class TenantSessionReuseTests(CoreFixture fixture) : IClassFixture<CoreFixture>
{
    [Fact]
    public async Task Sessions_reused_by_alternating_tenants_each_see_only_their_tenant()
    {
        var a = await TenantWithQuestionAsync();
        var b = await TenantWithQuestionAsync();

        for (var round = 0; round < 5; round++)
        {
            foreach (var tenant in new Guid?[] { a, a, b, null, b, a })
            {
                var seen = await fixture.InTenantAsync(tenant, sp => Db(sp).Database.SqlQuery<Guid>($"SELECT tenant_id AS \"Value\" FROM lead_questions").ToListAsync());
                if (tenant is null)
                {
                    seen.ShouldBeEmpty();
                }
                else
                {
                    seen.ShouldNotBeEmpty();
                    seen.ShouldAllBe(t => t == tenant);
                }
            }
        }
    }

    [Fact]
    public async Task A_tenant_set_inside_a_transaction_ends_with_it()
    {
        var a = await TenantWithQuestionAsync();
        var b = await TenantWithQuestionAsync();
        var currentTenant = fixture.Services.GetRequiredService<ICurrentTenant>();

        await using var scope = fixture.Services.CreateAsyncScope();
        var db = Db(scope.ServiceProvider);
        await db.Database.OpenConnectionAsync();
        using (currentTenant.Change(a))
        {
            (await VisibleTenantsAsync(db)).ShouldBe([a]);
        }

        using (currentTenant.Change(b))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            (await VisibleTenantsAsync(db)).ShouldBe([b]);
            await transaction.CommitAsync();
        }

        using (currentTenant.Change(a))
        {
            (await VisibleTenantsAsync(db)).ShouldBe([a], "the session went back to A when B's transaction ended");
        }
    }

    [Fact]
    public async Task Other_users_of_the_database_get_sessions_that_name_no_tenant()
    {
        var a = await TenantWithQuestionAsync();
        (await fixture.InTenantAsync(a, sp => Db(sp).LeadQuestions.CountAsync())).ShouldBeGreaterThan(0);

        var dataSource = fixture.Services.GetRequiredService<NpgsqlDataSource>();
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM lead_questions");
        ((long)(await command.ExecuteScalarAsync())!).ShouldBe(0);
        new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).NoResetOnClose.ShouldBeFalse("its sessions are reset when returned to the pool");
    }

    private static async Task<List<Guid>> VisibleTenantsAsync(SmbAgentDbContext db) =>
        await db.Database.SqlQuery<Guid>($"SELECT DISTINCT tenant_id AS \"Value\" FROM lead_questions").ToListAsync();

    private async Task<Guid> TenantWithQuestionAsync()
    {
        var tenant = await fixture.CreateTenantAsync();
        await fixture.InTenantAsync(tenant.Id, async sp =>
        {
            var db = Db(sp);
            db.LeadQuestions.Add(new LeadQuestion(Guid.NewGuid(), tenant.Id, "What's your name?", LeadQuestionFormat.Text, 0));
            await db.SaveChangesAsync();
        });
        return tenant.Id;
    }

    private static SmbAgentDbContext Db(IServiceProvider services) => services.GetRequiredService<SmbAgentDbContext>();
}
