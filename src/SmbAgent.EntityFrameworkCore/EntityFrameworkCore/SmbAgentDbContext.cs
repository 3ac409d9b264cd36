using System.Linq.Expressions;
using System.Reflection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SmbAgent.Analytics;
using SmbAgent.ApiKeys;
using SmbAgent.Auditing;
using SmbAgent.Conversations;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.Identity;
using SmbAgent.KnowledgeBase;
using SmbAgent.Leads;
using SmbAgent.Notifications;
using SmbAgent.Platform;
using SmbAgent.Tenancy;
using SmbAgent.Voice;
using SmbAgent.Usage;
using SmbAgent.Webhooks;
using SmbAgent.Workspace;

namespace SmbAgent.EntityFrameworkCore;

/// <summary>
/// The database. Every root entity that is <see cref="IMultiTenant"/> or <see cref="ISoftDelete"/> gets
/// a named query filter ("Tenant", "SoftDelete"); filter values are context members, so EF Core
/// parameterizes them per query and each query sees the tenant current when it runs.
/// </summary>
public sealed class SmbAgentDbContext(DbContextOptions<SmbAgentDbContext> options, ICurrentTenant currentTenant, IDataFilter dataFilter)
    : IdentityDbContext<AppUser, AppRole, Guid>(options), ISmbAgentDbContext, IDataProtectionKeyContext
{
    public const string TenantFilter = "Tenant";
    public const string SoftDeleteFilter = "SoftDelete";

    private static readonly MethodInfo ConfigureFiltersMethod =
        typeof(SmbAgentDbContext).GetMethod(nameof(ConfigureFilters), BindingFlags.Instance | BindingFlags.NonPublic)!;

    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<Edition> Editions => Set<Edition>();

    public DbSet<FeatureValue> FeatureValues => Set<FeatureValue>();

    public DbSet<LeadQuestion> LeadQuestions => Set<LeadQuestion>();

    public DbSet<UsageCounter> UsageCounters => Set<UsageCounter>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<BusinessProfile> BusinessProfiles => Set<BusinessProfile>();

    public DbSet<AgentSettings> AgentSettings => Set<AgentSettings>();

    public DbSet<AuditLogEntry> AuditLogEntries => Set<AuditLogEntry>();

    public DbSet<PlatformSettings> PlatformSettings => Set<PlatformSettings>();

    public DbSet<Health.HealthAlertSettings> HealthAlertSettings => Set<Health.HealthAlertSettings>();

    public DbSet<Health.HealthIncident> HealthIncidents => Set<Health.HealthIncident>();

    public DbSet<KnowledgeSource> KnowledgeSources => Set<KnowledgeSource>();

    public DbSet<KnowledgeChunk> KnowledgeChunks => Set<KnowledgeChunk>();

    public DbSet<ChunkEmbedding> ChunkEmbeddings => Set<ChunkEmbedding>();

    public DbSet<Conversation> Conversations => Set<Conversation>();

    public DbSet<ConversationMessage> ConversationMessages => Set<ConversationMessage>();

    public DbSet<Lead> Leads => Set<Lead>();

    public DbSet<NotificationDelivery> NotificationDeliveries => Set<NotificationDelivery>();

    public DbSet<EmergencyWord> EmergencyWords => Set<EmergencyWord>();

    public DbSet<PhoneLine> PhoneLines => Set<PhoneLine>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<CallLog> CallLogs => Set<CallLog>();

    public DbSet<CallStatusEvent> CallStatusEvents => Set<CallStatusEvent>();

    public DbSet<SpeechAudio> SpeechAudio => Set<SpeechAudio>();

    public DbSet<DevelopmentOutboxMessage> DevelopmentOutbox => Set<DevelopmentOutboxMessage>();

    public DbSet<EmergencyAlert> EmergencyAlerts => Set<EmergencyAlert>();

    public DbSet<EmergencyAlertAttempt> EmergencyAlertAttempts => Set<EmergencyAlertAttempt>();

    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<AnalyticsDailyRollup> AnalyticsDailyRollups => Set<AnalyticsDailyRollup>();

    public DbSet<AnalyticsDailyBreakdown> AnalyticsDailyBreakdowns => Set<AnalyticsDailyBreakdown>();

    public DbSet<UnansweredQuestion> UnansweredQuestions => Set<UnansweredQuestion>();

    internal ICurrentTenant CurrentTenant => currentTenant;

    internal IDataFilter DataFilter => dataFilter;

    internal Guid? CurrentTenantId => currentTenant.Id;

    internal bool IsTenantFilterEnabled => dataFilter.IsEnabled<IMultiTenant>();

    internal bool IsSoftDeleteFilterEnabled => dataFilter.IsEnabled<ISoftDelete>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        catch (DbUpdateException e) when (UniqueViolations.Caused(e))
        {
            throw new DuplicateEntryException(e);
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolations.Caused(e))
        {
            throw new DuplicateEntryException(e);
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("vector");
        builder.ApplyConfigurationsFromAssembly(typeof(SmbAgentDbContext).Assembly);

        foreach (var entityType in builder.Model.GetEntityTypes().Where(t => t.BaseType is null && !t.IsOwned()).ToList())
        {
            ConfigureFiltersMethod.MakeGenericMethod(entityType.ClrType).Invoke(this, [builder]);
        }
    }

    private void ConfigureFilters<TEntity>(ModelBuilder builder)
        where TEntity : class
    {
        if (typeof(IMultiTenant).IsAssignableFrom(typeof(TEntity)))
        {
            builder.Entity<TEntity>().HasQueryFilter(TenantFilter, TenantFilterExpression<TEntity>());
        }

        if (typeof(ISoftDelete).IsAssignableFrom(typeof(TEntity)))
        {
            builder.Entity<TEntity>().HasQueryFilter(SoftDeleteFilter, e => !IsSoftDeleteFilterEnabled || !EF.Property<bool>(e, nameof(ISoftDelete.IsDeleted)));
        }
    }

    /// <summary>
    /// <c>e => !IsTenantFilterEnabled || (Guid?)e.TenantId == CurrentTenantId</c>, built over the entity's own
    /// <c>TenantId</c> property so non-nullable columns keep index-friendly SQL.
    /// </summary>
    private Expression<Func<TEntity, bool>> TenantFilterExpression<TEntity>()
    {
        var entity = Expression.Parameter(typeof(TEntity), "e");
        var tenantId = Expression.Property(entity, typeof(TEntity).GetProperty(nameof(IMultiTenant.TenantId))!);
        var context = Expression.Constant(this);
        var current = Expression.Property(context, nameof(CurrentTenantId));
        var enabled = Expression.Property(context, nameof(IsTenantFilterEnabled));
        var matches = Expression.Equal(tenantId.Type == typeof(Guid?) ? tenantId : Expression.Convert(tenantId, typeof(Guid?)), current);
        return Expression.Lambda<Func<TEntity, bool>>(Expression.OrElse(Expression.Not(enabled), matches), entity);
    }
}
