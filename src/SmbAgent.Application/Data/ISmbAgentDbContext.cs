using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using SmbAgent.Analytics;
using SmbAgent.ApiKeys;
using SmbAgent.Auditing;
using SmbAgent.Conversations;
using SmbAgent.Features;
using SmbAgent.Identity;
using SmbAgent.KnowledgeBase;
using SmbAgent.Leads;
using SmbAgent.Notifications;
using SmbAgent.Platform;
using SmbAgent.Tenancy;
using SmbAgent.Voice;
using SmbAgent.Webhooks;
using SmbAgent.Workspace;

namespace SmbAgent.Data;

/// <summary>
/// The unit of work app services use (ADR 0002: EF Core in the application layer, no repositories).
/// Tenant rows are filtered, stamped and guarded by the implementation; callers never add a tenant predicate.
/// </summary>
public interface ISmbAgentDbContext
{
    DbSet<Tenant> Tenants { get; }

    DbSet<Edition> Editions { get; }

    DbSet<FeatureValue> FeatureValues { get; }

    DbSet<AppUser> Users { get; }

    DbSet<AppRole> Roles { get; }

    DbSet<IdentityUserRole<Guid>> UserRoles { get; }

    DbSet<IdentityRoleClaim<Guid>> RoleClaims { get; }

    DbSet<LeadQuestion> LeadQuestions { get; }

    DbSet<BusinessProfile> BusinessProfiles { get; }

    DbSet<AgentSettings> AgentSettings { get; }

    DbSet<AuditLogEntry> AuditLogEntries { get; }

    DbSet<PlatformSettings> PlatformSettings { get; }

    DbSet<Health.HealthAlertSettings> HealthAlertSettings { get; }

    DbSet<Health.HealthIncident> HealthIncidents { get; }

    DbSet<KnowledgeSource> KnowledgeSources { get; }

    DbSet<KnowledgeChunk> KnowledgeChunks { get; }

    DbSet<ChunkEmbedding> ChunkEmbeddings { get; }

    DbSet<Conversation> Conversations { get; }

    DbSet<ConversationMessage> ConversationMessages { get; }

    DbSet<Lead> Leads { get; }

    DbSet<NotificationDelivery> NotificationDeliveries { get; }

    DbSet<EmergencyWord> EmergencyWords { get; }

    DbSet<PhoneLine> PhoneLines { get; }

    DbSet<ApiKey> ApiKeys { get; }

    DbSet<CallLog> CallLogs { get; }

    DbSet<CallStatusEvent> CallStatusEvents { get; }

    DbSet<SpeechAudio> SpeechAudio { get; }

    DbSet<DevelopmentOutboxMessage> DevelopmentOutbox { get; }

    DbSet<EmergencyAlert> EmergencyAlerts { get; }

    DbSet<EmergencyAlertAttempt> EmergencyAlertAttempts { get; }

    DbSet<WebhookSubscription> WebhookSubscriptions { get; }

    DbSet<WebhookDelivery> WebhookDeliveries { get; }

    DbSet<AnalyticsDailyRollup> AnalyticsDailyRollups { get; }

    DbSet<AnalyticsDailyBreakdown> AnalyticsDailyBreakdowns { get; }

    DbSet<UnansweredQuestion> UnansweredQuestions { get; }

    /// <summary>To drop what a unit of work added or attached when it is abandoned and tried again.</summary>
    ChangeTracker ChangeTracker { get; }

    /// <summary>For a unit of work whose SQL statements must commit or roll back with its SaveChanges.</summary>
    DatabaseFacade Database { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
