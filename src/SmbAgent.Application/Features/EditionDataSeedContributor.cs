using Microsoft.EntityFrameworkCore;
using SmbAgent.Data;

namespace SmbAgent.Features;

/// <summary>Seeds FREE, BASIC and PRO with the PRODUCT.md matrix. Adds what is missing; never overwrites an admin's edits.</summary>
public sealed class EditionDataSeedContributor(ISmbAgentDbContext db) : IDataSeedContributor
{
    public async Task SeedAsync(DataSeedContext context, CancellationToken cancellationToken)
    {
        if (context.TenantId is not null)
        {
            return;
        }

        foreach (var seed in EditionMatrix.Editions)
        {
            var edition = await db.Editions.FirstOrDefaultAsync(e => e.Name == seed.Name, cancellationToken);
            if (edition is null)
            {
                edition = new Edition(Guid.CreateVersion7(), seed.Name, seed.DisplayName, seed.SortOrder);
                db.Editions.Add(edition);
            }

            var existing = await db.FeatureValues
                .Where(v => v.ProviderName == FeatureValueProviders.Edition && v.ProviderKey == edition.Id)
                .Select(v => v.Name)
                .ToListAsync(cancellationToken);
            foreach (var (name, value) in seed.Values.Where(v => !existing.Contains(v.Key)))
            {
                db.FeatureValues.Add(new FeatureValue(Guid.CreateVersion7(), name, value, FeatureValueProviders.Edition, edition.Id));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
