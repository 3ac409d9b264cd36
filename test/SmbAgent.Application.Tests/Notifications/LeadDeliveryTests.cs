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

namespace SmbAgent.Application.Tests.Notifications;

/// <summary>The outbox job against the Twilio stub: an outage delays the owner's SMS, never loses or doubles it.</summary>
public sealed class LeadDeliveryTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TwilioStubServer _twilio = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("delivery");
        await _database.MigrateAsync();
        _twilio = await TwilioStubServer.StartAsync();
        _services = CoreFixture.BuildServices(_database, _twilio.ClientSettings());
    }

    [Fact]
    public async Task An_sms_that_fails_during_an_outage_is_delivered_exactly_once_when_twilio_recovers()
    {
        var owner = await TestTenants.CreateAsync(_services);
        var deliveryId = await AddLeadWithSmsAsync(owner.TenantId, "+14155550150");
        _twilio.FailNext(5, 503);

        await Should.ThrowAsync<Exception>(RunAsync(owner.TenantId, deliveryId));
        var during = await DeliveryAsync(owner.TenantId, deliveryId);
        await RunAsync(owner.TenantId, deliveryId);
        await RunAsync(owner.TenantId, deliveryId);

        during.Status.ShouldBe(DeliveryStatus.Pending);
        during.Attempts.ShouldBe(1);
        during.LastError.ShouldNotBeNull();
        var after = await DeliveryAsync(owner.TenantId, deliveryId);
        after.Status.ShouldBe(DeliveryStatus.Sent);
        after.ProviderMessageId.ShouldNotBeNull().ShouldStartWith("SM");
        _twilio.Messages.ShouldHaveSingleItem().To.ShouldBe("+14155550150");
    }

    [Fact]
    public async Task An_invalid_number_fails_for_good_without_retrying()
    {
        var owner = await TestTenants.CreateAsync(_services);
        var deliveryId = await AddLeadWithSmsAsync(owner.TenantId, "+1555");

        await RunAsync(owner.TenantId, deliveryId);

        var delivery = await DeliveryAsync(owner.TenantId, deliveryId);
        delivery.Status.ShouldBe(DeliveryStatus.Failed);
        _twilio.Messages.ShouldBeEmpty();
    }

    private async Task<Guid> AddLeadWithSmsAsync(Guid tenantId, string number)
    {
        await using var scope = _services.CreateAsyncScope();
        using var tenant = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<ISmbAgentDbContext>();
        var conversation = new Conversation(Guid.CreateVersion7(), tenantId, ConversationChannel.Chat, ConversationTokens.New().Hash, "en");
        var lead = new Lead(Guid.CreateVersion7(), tenantId, conversation.Id, ConversationChannel.Chat, LeadPriority.Urgent) { ContactName = "Ana" };
        var delivery = new NotificationDelivery(Guid.CreateVersion7(), tenantId, lead.Id, NotificationKind.NewLead, NotificationChannel.Sms, number);
        db.Conversations.Add(conversation);
        db.Leads.Add(lead);
        db.NotificationDeliveries.Add(delivery);
        await db.SaveChangesAsync();
        return delivery.Id;
    }

    private async Task RunAsync(Guid tenantId, Guid deliveryId)
    {
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TenantJobRunner>().RunAsync(tenantId, new DeliverNotificationArgs(deliveryId), CancellationToken.None);
    }

    private async Task<NotificationDelivery> DeliveryAsync(Guid tenantId, Guid deliveryId)
    {
        await using var scope = _services.CreateAsyncScope();
        using var tenant = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId);
        return await scope.ServiceProvider.GetRequiredService<ISmbAgentDbContext>().NotificationDeliveries.AsNoTracking().SingleAsync(d => d.Id == deliveryId);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _twilio.DisposeAsync();
        await _database.DisposeAsync();
    }
}
