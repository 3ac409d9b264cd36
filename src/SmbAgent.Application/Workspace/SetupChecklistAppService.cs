using Microsoft.EntityFrameworkCore;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.KnowledgeBase;
using SmbAgent.Tenancy;
using SmbAgent.Usage;

namespace SmbAgent.Workspace;

/// <summary>The home page of a business: what is set up, what is missing, and the plan's usage.</summary>
public sealed class SetupChecklistAppService(
    ISmbAgentDbContext db,
    ICurrentTenant currentTenant,
    ITenantStore tenantStore,
    IFeatureChecker features,
    UsageQuota quota)
{
    public async Task<SetupChecklist> GetAsync(CancellationToken cancellationToken = default)
    {
        var tenantId = currentTenant.Id ?? throw new BusinessException("Tenancy:NoTenant", "The checklist belongs to a business.", 403);
        var tenant = await tenantStore.FindAsync(tenantId, cancellationToken) ?? throw new EntityNotFoundException(nameof(Tenant), tenantId);
        var edition = await db.Editions.AsNoTracking().Where(e => e.Id == tenant.EditionId).Select(e => e.DisplayName).FirstOrDefaultAsync(cancellationToken);
        var profile = await db.BusinessProfiles.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        var agent = await db.AgentSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        var questions = await db.LeadQuestions.CountAsync(cancellationToken);
        var knowledgeReady = await db.KnowledgeSources.AnyAsync(s => s.Status == KnowledgeSourceStatus.Indexed && s.ChunkCount > 0, cancellationToken);

        var profileDone = profile is not null
                          && (!string.IsNullOrWhiteSpace(profile.Address) || !string.IsNullOrWhiteSpace(profile.Phone))
                          && profile.Contacts.Count > 0;
        var notificationsDone = profile?.Contacts.Exists(c => c.Kind == ContactKind.Email) == true;
        ChecklistItem[] items =
        [
            new("Complete the business profile", "An address or phone number, and at least one notification contact.",
                profileDone ? ChecklistStatus.Done : ChecklistStatus.Missing, "/Workspace/Profile"),
            new("Set up notifications", "At least one email address that hears about new leads.",
                notificationsDone ? ChecklistStatus.Done : ChecklistStatus.Missing, "/Workspace/Profile"),
            new("Review the lead questions", "The questions the agent asks to capture a lead.",
                questions > 0 ? ChecklistStatus.Done : ChecklistStatus.Missing, "/Workspace/Questions"),
            new("Customise the agent", "A welcome message in your own words.",
                IsCustomised(agent, tenant.Name) ? ChecklistStatus.Done : ChecklistStatus.Missing, "/Workspace/Agent"),
            new("Add knowledge", "Your FAQ, website pages and documents, so the agent can answer questions.",
                knowledgeReady ? ChecklistStatus.Done : ChecklistStatus.Missing, "/Workspace/Knowledge/Index"),
            new("Install the chat widget", "One line of code on your website; ticked once the widget runs there.",
                agent?.WidgetLastSeenTime is not null ? ChecklistStatus.Done : ChecklistStatus.Missing, "/Workspace/Install"),
            new("Connect a phone number", "The agent answers your phone line.", ChecklistStatus.ComingSoon, null),
        ];

        UsageMeter[] usage =
        [
            new("Lead questions", questions, await features.GetLimitAsync(SmbFeatures.Leads.MaxQuestions, cancellationToken)),
            new("Conversations this month", await quota.GetThisMonthAsync(UsageMetrics.Conversations, cancellationToken),
                await features.GetLimitAsync(SmbFeatures.Chat.MaxConversationsPerMonth, cancellationToken)),
        ];
        return new SetupChecklist(tenant.Name, edition ?? "Unknown", items, usage);
    }

    private static bool IsCustomised(AgentSettings? agent, string businessName) =>
        !string.IsNullOrWhiteSpace(agent?.WelcomeMessage)
        && !string.Equals(agent.WelcomeMessage, AgentSettings.DefaultWelcomeMessage(businessName), StringComparison.Ordinal);
}
