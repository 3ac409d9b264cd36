using Microsoft.EntityFrameworkCore;
using SmbAgent.Data;
using SmbAgent.Platform;

namespace SmbAgent.Workspace;

public sealed class PlatformSettingsDataSeedContributor(ISmbAgentDbContext db) : IDataSeedContributor
{
    public async Task SeedAsync(DataSeedContext context, CancellationToken cancellationToken)
    {
        if (context.TenantId is null && !await db.PlatformSettings.AnyAsync(cancellationToken))
        {
            db.PlatformSettings.Add(new PlatformSettings());
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
