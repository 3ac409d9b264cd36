using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.Tenancy;
using SmbAgent.TestKit;

namespace SmbAgent.EntityFrameworkCore.Tests.Data;

/// <summary>A unique index refusing a save reaches app services as <see cref="DuplicateEntryException"/>, never as a driver's exception.</summary>
public sealed class DuplicateEntryTests(CoreFixture fixture) : IClassFixture<CoreFixture>
{
    [Fact]
    public async Task A_save_refused_by_a_unique_index_throws_DuplicateEntryException()
    {
        var existing = await fixture.CreateTenantAsync();

        var thrown = await fixture.InTenantAsync(null, async sp =>
        {
            var db = sp.GetRequiredService<ISmbAgentDbContext>();
            db.Tenants.Add(await TwinOfAsync(db, existing));
            return await Should.ThrowAsync<DuplicateEntryException>(() => db.SaveChangesAsync());
        });

        thrown.ShouldBeAssignableTo<DbUpdateException>("callers catching the save's own exception type still see it");
    }

    [Fact]
    public async Task A_synchronous_save_refused_by_a_unique_index_throws_DuplicateEntryException_too()
    {
        var existing = await fixture.CreateTenantAsync();

        await fixture.InTenantAsync(null, async sp =>
        {
            var db = sp.GetRequiredService<SmbAgentDbContext>();
            db.Tenants.Add(await TwinOfAsync(db, existing));
            Should.Throw<DuplicateEntryException>(() => db.SaveChanges());
        });
    }

    private static async Task<Tenant> TwinOfAsync(ISmbAgentDbContext db, Tenant existing)
    {
        var edition = await db.Editions.FirstAsync(e => e.Name == EditionMatrix.Free);
        return new Tenant(Guid.CreateVersion7(), existing.Name.ToUpperInvariant(), edition.Id) { CreationTime = DateTimeOffset.UtcNow };
    }
}
