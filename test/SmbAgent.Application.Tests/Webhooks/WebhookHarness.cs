using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.BackgroundJobs;
using SmbAgent.Conversations;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.Leads;
using SmbAgent.TestKit;
using SmbAgent.TestKit.Stubs;
using SmbAgent.Webhooks;

namespace SmbAgent.Application.Tests.Webhooks;

/// <summary>
/// The core over its own database with a webhook receiver on loopback. <see cref="Services"/> allows loopback http
/// targets (as development does); <see cref="StrictServices"/>, over the same database, has the production address rules
/// (http stays allowed there, as the receiver has no certificate).
/// Deliveries run as a job server runs them, taken off Hangfire's queue and schedule without waiting out the delays.
/// </summary>
public sealed class WebhookHarness : IAsyncLifetime
{
    public static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(7);

    private TestDatabase database = null!;

    public WebhookReceiverServer Receiver { get; private set; } = null!;

    public ServiceProvider Services { get; private set; } = null!;

    public ServiceProvider StrictServices { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync("webhooks");
        await database.MigrateAsync();
        Receiver = await WebhookReceiverServer.StartAsync();
        var common = new Dictionary<string, string?>
        {
            ["Webhooks:MaxAttempts"] = "4",
            ["Webhooks:RetryBaseDelay"] = BaseDelay.ToString(),
            ["Webhooks:AttemptTimeout"] = "00:00:05",
        };
        Services = CoreFixture.BuildServices(database, new Dictionary<string, string?>(common)
        {
            ["Webhooks:AllowLoopbackTargets"] = "true",
            ["Webhooks:AllowHttpTargets"] = "true",
        });
        StrictServices = CoreFixture.BuildServices(database, new Dictionary<string, string?>(common) { ["Webhooks:AllowHttpTargets"] = "true" });
    }

    public Task<TenantOwner> NewBusinessAsync(string edition = EditionMatrix.Pro) => TestTenants.CreateAsync(Services, edition: edition);

    public Task<CreatedWebhookSubscriptionDto> SubscribeAsync(Guid tenantId, Uri url, params string[] events) =>
        InTenantAsync(tenantId, sp => sp.GetRequiredService<WebhookAppService>().CreateAsync(
            new CreateWebhookSubscriptionDto { Url = url.AbsoluteUri, EventTypes = [.. events] }));

    /// <summary>A lead as a finished chat leaves it, written straight to the database (no event of its own).</summary>
    public Task<Guid> AddLeadAsync(Guid tenantId) => InTenantAsync(tenantId, async sp =>
    {
        var db = sp.GetRequiredService<ISmbAgentDbContext>();
        var conversation = new Conversation(Guid.CreateVersion7(), tenantId, ConversationChannel.Chat, ConversationTokens.New().Hash, "en");
        var lead = new Lead(Guid.CreateVersion7(), tenantId, conversation.Id, ConversationChannel.Chat, LeadPriority.Normal)
        {
            ContactName = "Ana",
            Email = "ana@example.com",
            Answers = [new CollectedAnswer(Guid.NewGuid(), "How can we help?", "A leaking tap")],
            CreationTime = DateTimeOffset.UtcNow,
        };
        db.Conversations.Add(conversation);
        db.Leads.Add(lead);
        await db.SaveChangesAsync();
        return lead.Id;
    });

    /// <summary>The owner moves the lead on: the product's <c>lead.updated</c> hook point.</summary>
    public Task UpdateLeadAsync(Guid tenantId, Guid leadId, LeadStatus status = LeadStatus.Contacted) =>
        InTenantAsync(tenantId, sp => sp.GetRequiredService<LeadAppService>().UpdateAsync(leadId, new UpdateLeadDto { Status = status, OwnerNotes = "Called back" }));

    public Task<IReadOnlyList<WebhookDeliveryDto>> DeliveriesAsync(Guid tenantId, Guid subscriptionId) =>
        InTenantAsync(tenantId, sp => sp.GetRequiredService<WebhookAppService>().GetDeliveriesAsync(subscriptionId));

    /// <summary>Takes the tenant's queued and scheduled webhook jobs off the job store, as a job server would pick them up when due.</summary>
    public IReadOnlyList<DeliverWebhookArgs> TakeQueued(Guid tenantId)
    {
        var monitoring = Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var enqueued = monitoring.EnqueuedJobs("default", 0, 1000)
            .Where(j => j.Value.State == EnqueuedState.StateName)
            .Select(j => (j.Key, j.Value.Job));
        var scheduled = monitoring.ScheduledJobs(0, 1000)
            .Where(j => j.Value.InScheduledState)
            .Select(j => (j.Key, j.Value.Job));
        var mine = enqueued.Concat(scheduled)
            .Where(j => j.Job?.Type == typeof(TenantJobRunner) && j.Job.Args[0] is Guid queuedFor && queuedFor == tenantId && j.Job.Args[1] is DeliverWebhookArgs)
            .ToList();
        foreach (var (jobId, _) in mine)
        {
            Services.GetRequiredService<IBackgroundJobClient>().Delete(jobId);
        }

        return [.. mine.Select(j => (DeliverWebhookArgs)j.Job.Args[1])];
    }

    /// <summary>Runs every queued delivery and every retry it schedules, until none is left; the number of runs.</summary>
    public async Task<int> DrainAsync(Guid tenantId, ServiceProvider? services = null)
    {
        var runs = 0;
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (TakeQueued(tenantId) is { Count: > 0 } queued)
        {
            DateTimeOffset.UtcNow.ShouldBeLessThan(deadline, "the deliveries never settled");
            foreach (var args in queued)
            {
                await (services ?? Services).RunJobAsync(tenantId, args);
                runs++;
            }
        }

        return runs;
    }

    public Task<T> InTenantAsync<T>(Guid tenantId, Func<IServiceProvider, Task<T>> action) => Services.InTenantAsync(tenantId, action);

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await StrictServices.DisposeAsync();
        await Receiver.DisposeAsync();
        await database.DisposeAsync();
    }
}
