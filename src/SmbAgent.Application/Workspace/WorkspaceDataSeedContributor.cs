using Microsoft.EntityFrameworkCore;
using SmbAgent.Data;
using SmbAgent.Leads;
using SmbAgent.Tenancy;

namespace SmbAgent.Workspace;

/// <summary>
/// A new business's defaults: its profile, the agent's settings and starter lead questions for its type.
/// Runs once per tenant (nothing is added when the profile exists).
/// </summary>
public sealed class WorkspaceDataSeedContributor(ISmbAgentDbContext db, ICurrentTenant currentTenant) : IDataSeedContributor
{
    public const string BusinessTypeProperty = "BusinessType";
    public const string TimeZoneProperty = "TimeZone";
    public const string CountryProperty = "Country";

    public async Task SeedAsync(DataSeedContext context, CancellationToken cancellationToken)
    {
        if (context.TenantId is not { } tenantId || await db.BusinessProfiles.AnyAsync(cancellationToken))
        {
            return;
        }

        var type = Enum.TryParse<BusinessType>(context[BusinessTypeProperty], out var parsed) ? parsed : BusinessType.Other;
        var businessName = currentTenant.Name
                           ?? await db.Tenants.Where(t => t.Id == tenantId).Select(t => t.Name).SingleAsync(cancellationToken);
        db.BusinessProfiles.Add(new BusinessProfile(Guid.CreateVersion7(), tenantId, type, context[TimeZoneProperty] ?? "UTC", context[CountryProperty] ?? "US"));
        db.AgentSettings.Add(new AgentSettings(Guid.CreateVersion7(), tenantId, businessName));
        if (!await db.LeadQuestions.AnyAsync(cancellationToken))
        {
            var position = 0;
            foreach (var starter in StarterLeadQuestions.For(type))
            {
                db.LeadQuestions.Add(new LeadQuestion(Guid.CreateVersion7(), tenantId, starter.Text, starter.Format, position++)
                {
                    IsRequired = starter.IsRequired,
                    MapsTo = starter.MapsTo,
                    IsEssentialForEmergency = starter.IsEssentialForEmergency,
                    Options = [.. StarterLeadQuestions.OptionsFor(starter)],
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
