using Microsoft.EntityFrameworkCore;
using SmbAgent.Data;
using SmbAgent.Platform;

namespace SmbAgent.HostAdmin;

/// <summary>The single platform settings row (seeded; created here if a database lacks it).</summary>
public sealed class PlatformSettingsAppService(ISmbAgentDbContext db)
{
    public async Task<bool> GetAllowSelfServicePlanChangeAsync(CancellationToken cancellationToken = default) =>
        await db.PlatformSettings.AsNoTracking()
            .Where(s => s.Id == PlatformSettings.SingletonId)
            .Select(s => (bool?)s.AllowSelfServicePlanChange)
            .FirstOrDefaultAsync(cancellationToken) ?? new PlatformSettings().AllowSelfServicePlanChange;

    public async Task SetAllowSelfServicePlanChangeAsync(bool allow, CancellationToken cancellationToken = default)
    {
        var settings = await db.PlatformSettings.FirstOrDefaultAsync(s => s.Id == PlatformSettings.SingletonId, cancellationToken);
        if (settings is null)
        {
            settings = new PlatformSettings();
            db.PlatformSettings.Add(settings);
        }

        settings.AllowSelfServicePlanChange = allow;
        await db.SaveChangesAsync(cancellationToken);
    }
}
