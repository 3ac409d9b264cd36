using Microsoft.EntityFrameworkCore;
using SmbAgent.Data;
using SmbAgent.Leads;
using SmbAgent.Tenancy;

namespace SmbAgent.Notifications.EmergencyAlerts;

/// <summary>The alert call's prompt for the current tenant's lead: the business, who reported what, and the keys to press.</summary>
public sealed class OwnerAlertPrompts(ISmbAgentDbContext db, ITenantStore tenants, OwnerAlertLinks links)
{
    public async Task<string> PromptAsync(EmergencyAlert alert, string token, CancellationToken cancellationToken, bool again = false)
    {
        var lead = await LeadAsync(alert, cancellationToken);
        var business = (await tenants.FindAsync(alert.TenantId, cancellationToken))?.Name ?? string.Empty;
        var problem = string.IsNullOrWhiteSpace(lead.Notes)
            ? lead.Answers.Select(a => a.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))
            : lead.Notes;
        return OwnerAlertTwiml.Prompt(
            new OwnerAlertPrompt(await LanguageAsync(cancellationToken), business, lead.ContactName, lead.Phone, problem),
            links.Choice(token, again));
    }

    public Task<Lead> LeadAsync(EmergencyAlert alert, CancellationToken cancellationToken) =>
        db.Leads.AsNoTracking().FirstAsync(l => l.Id == alert.LeadId, cancellationToken);

    public async Task<string> LanguageAsync(CancellationToken cancellationToken) =>
        await db.AgentSettings.AsNoTracking().Select(a => a.Language).FirstOrDefaultAsync(cancellationToken) ?? "en";
}
