using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Data;
using SmbAgent.EntityFrameworkCore;
using SmbAgent.Features;
using SmbAgent.KnowledgeBase;
using SmbAgent.Tenancy;
using SmbAgent.TestKit;

namespace SmbAgent.EntityFrameworkCore.Tests.Data;

public sealed class MigrateTests
{
    [Fact]
    public async Task Migrate_builds_an_empty_database_and_a_second_run_changes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync("migrate");
        await using var services = CoreFixture.BuildServices(database, new Dictionary<string, string?>
        {
            ["Seed:DemoTenant:Enabled"] = "true",
            ["Seed:DemoTenant:Name"] = "Demo Plumbing",
            ["Seed:DemoTenant:OwnerEmail"] = "owner@demo.test",
            ["Seed:DemoTenant:OwnerPassword"] = Passwords.New(),
        });

        await MigrateAsync(services);
        var first = await SnapshotAsync(services);
        await MigrateAsync(services);
        var second = await SnapshotAsync(services);

        first.ShouldBe(second);
        first.Editions.ShouldBe("BASIC,FREE,PRO");
        first.FeatureValues.ShouldBe(EditionMatrix.Editions.Sum(e => e.Values.Count));
        first.Tenants.ShouldBe(1);
        first.HostUsers.ShouldBe(1);
        first.RoleClaims.ShouldBeGreaterThan(0);
        first.DemoKnowledge.ShouldBe(DemoKnowledgeDataSeedContributor.Title, "the demo business answers from a FAQ out of the box");
    }

    private static async Task MigrateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DbMigrationService>().MigrateAsync();
    }

    private static async Task<Snapshot> SnapshotAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmbAgentDbContext>();
        var editions = string.Join(",", await db.Editions.OrderBy(e => e.Name).Select(e => e.Name).ToListAsync());
        var hostUsers = await db.Users.CountAsync();
        Guid demoId;
        using (scope.ServiceProvider.GetRequiredService<IDataFilter>().Disable<IMultiTenant>())
        {
            demoId = await db.Tenants.Select(t => t.Id).SingleAsync();
        }

        string demoKnowledge;
        using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(demoId))
        {
            demoKnowledge = string.Join(",", await db.KnowledgeSources.Select(s => s.Title).ToListAsync());
        }

        using (scope.ServiceProvider.GetRequiredService<IDataFilter>().Disable<IMultiTenant>())
        {
            return new Snapshot(
                editions,
                await db.FeatureValues.CountAsync(),
                await db.Tenants.CountAsync(),
                hostUsers,
                await db.Users.CountAsync(),
                await db.RoleClaims.CountAsync(),
                demoKnowledge);
        }
    }

    private sealed record Snapshot(string Editions, int FeatureValues, int Tenants, int HostUsers, int AllUsers, int RoleClaims, string DemoKnowledge);
}
