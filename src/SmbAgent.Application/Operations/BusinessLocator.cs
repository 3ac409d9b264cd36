using Microsoft.EntityFrameworkCore;
using SmbAgent.Data;
using SmbAgent.Tenancy;

namespace SmbAgent.Operations;

/// <summary>The business an operator names on the command line: by its id or by its exact name (case-insensitive).</summary>
public sealed class BusinessLocator(ISmbAgentDbContext db, ICurrentTenant currentTenant)
{
    public async Task<Tenant?> FindAsync(string idOrName, CancellationToken cancellationToken)
    {
        using (currentTenant.Change(null))
        {
            if (Guid.TryParse(idOrName, out var id))
            {
                return await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
            }

            var normalized = Tenant.NormalizeName(idOrName);
            return await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.NormalizedName == normalized, cancellationToken);
        }
    }
}
