using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.BackgroundJobs;
using SmbAgent.Conversations;
using SmbAgent.Data;
using SmbAgent.Leads;
using SmbAgent.Notifications;
using SmbAgent.Tenancy;
using SmbAgent.TestKit;
using SmbAgent.TestKit.Stubs;
using SmbAgent.Workspace;

namespace SmbAgent.Application.Tests.Notifications;

/// <summary>The core over its own database with mail going to the SMTP stub and SMS to the Twilio stub; deliveries run as Hangfire runs them.</summary>
public sealed class NotificationHarness : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public SmtpStubServer Smtp { get; private set; } = null!;

    public TwilioStubServer Twilio { get; private set; } = null!;

    public ServiceProvider Services { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("notify");
        await _database.MigrateAsync();
        Smtp = SmtpStubServer.Start();
        Twilio = await TwilioStubServer.StartAsync();
        Services = CoreFixture.BuildServices(
            _database,
            new Dictionary<string, string?>([.. Smtp.ClientSettings(), .. Twilio.ClientSettings()]));
    }

    /// <summary>A business with a phone number and the given contacts; BASIC, so SMS alerts are part of the plan.</summary>
    public async Task<TenantOwner> NewBusinessAsync(bool visitorConfirmation, params NotificationContact[] contacts)
    {
        var owner = await TestTenants.CreateAsync(Services, edition: "BASIC");
        await InTenantAsync(owner.TenantId, async sp =>
        {
            var db = sp.GetRequiredService<ISmbAgentDbContext>();
            var profile = await db.BusinessProfiles.FirstAsync();
            profile.Phone = "+1 415 555 0100";
            profile.Contacts = [.. contacts];
            profile.SendVisitorConfirmation = visitorConfirmation;
            await db.SaveChangesAsync();
        });
        return owner;
    }

    /// <summary>Stores a lead and its outbox rows in one unit of work, the way a finished chat turn does.</summary>
    public Task<(Guid LeadId, IReadOnlyList<NotificationDelivery> Deliveries)> AddLeadAsync(
        Guid tenantId, string language = "en", string? name = "Ana", string? email = null, string? notes = null, LeadPriority priority = LeadPriority.Normal)
        => InTenantAsync(tenantId, async sp =>
        {
            var db = sp.GetRequiredService<ISmbAgentDbContext>();
            var profile = await db.BusinessProfiles.AsNoTracking().FirstAsync();
            var conversation = new Conversation(Guid.CreateVersion7(), tenantId, ConversationChannel.Chat, ConversationTokens.New().Hash, language);
            var lead = new Lead(Guid.CreateVersion7(), tenantId, conversation.Id, ConversationChannel.Chat, priority)
            {
                ContactName = name,
                Email = email,
                Notes = notes,
                Answers = [new CollectedAnswer(Guid.NewGuid(), "How can we help?", notes)],
                CreationTime = DateTimeOffset.UtcNow,
            };
            db.Conversations.Add(conversation);
            db.Leads.Add(lead);
            var deliveries = await sp.GetRequiredService<LeadNotificationOutbox>().AddForNewLeadAsync(lead, profile, CancellationToken.None);
            await db.SaveChangesAsync();
            return (lead.Id, (IReadOnlyList<NotificationDelivery>)deliveries);
        });

    /// <summary>One attempt, as a Hangfire worker makes it: the tenant's job runner in a fresh scope; a failure throws.</summary>
    public Task RunAsync(Guid tenantId, Guid deliveryId) => RunAsync(tenantId, new DeliverNotificationArgs(deliveryId));

    public Task RunAsync(Guid tenantId, DeliverNotificationArgs args) => Services.RunJobAsync(tenantId, args);

    /// <summary>Takes the tenant's queued deliveries off the queue, as a job server picks them up; run them with <see cref="RunAsync(Guid, DeliverNotificationArgs)"/>.</summary>
    public IReadOnlyList<DeliverNotificationArgs> TakeQueued(Guid tenantId)
    {
        var queued = Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedJobs("default", 0, 1000)
            // By state name: Hangfire.PostgreSql keeps reporting a deleted job as "in enqueued state".
            .Where(j => j.Value.State == EnqueuedState.StateName
                        && j.Value.Job?.Type == typeof(TenantJobRunner)
                        && j.Value.Job.Args[0] is Guid queuedFor && queuedFor == tenantId
                        && j.Value.Job.Args[1] is DeliverNotificationArgs)
            .ToList();
        foreach (var (jobId, _) in queued)
        {
            Services.GetRequiredService<IBackgroundJobClient>().Delete(jobId);
        }

        return [.. queued.Select(j => (DeliverNotificationArgs)j.Value.Job.Args[1])];
    }

    public Task<LeadDetailsDto> LeadDetailsAsync(Guid tenantId, Guid leadId) =>
        InTenantAsync(tenantId, sp => sp.GetRequiredService<LeadAppService>().GetAsync(leadId));

    public Task<T> InTenantAsync<T>(Guid tenantId, Func<IServiceProvider, Task<T>> action) => Services.InTenantAsync(tenantId, action);

    public Task InTenantAsync(Guid tenantId, Func<IServiceProvider, Task> action) => Services.InTenantAsync(tenantId, action);

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await Smtp.DisposeAsync();
        await Twilio.DisposeAsync();
        await _database.DisposeAsync();
    }
}
