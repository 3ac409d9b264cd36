using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using SmbAgent.BackgroundJobs;
using SmbAgent.Conversations.Chat;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.Notifications;
using SmbAgent.Tenancy;
using SmbAgent.TestKit;
using SmbAgent.TestKit.Stubs;
using SmbAgent.Workspace;

namespace SmbAgent.Application.Tests.Notifications;

/// <summary>
/// A visitor asking for a person, through the chat service and the outbox job: the team's email and SMS carry the link
/// to the conversation in the admin, what the visitor typed is encoded, and SMS goes out only where the edition allows.
/// </summary>
public sealed class HumanRequestNotificationTests : IAsyncLifetime
{
    private const string AdminUrl = "https://admin.smbagent.test";
    private const string Payload = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    private readonly string _mail = Directory.CreateTempSubdirectory("smbagent-human-mail-").FullName;
    private TestDatabase _database = null!;
    private TwilioStubServer _twilio = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("humanrequest");
        await _database.MigrateAsync();
        _twilio = await TwilioStubServer.StartAsync();
        var settings = _twilio.ClientSettings();
        settings["Email:PickupDirectory"] = _mail;
        settings["PublicUrls:Admin"] = AdminUrl;
        _services = CoreFixture.BuildServices(_database, settings);
    }

    [Fact]
    public async Task The_email_and_the_sms_link_to_the_conversation_and_the_visitors_words_stay_text()
    {
        var owner = await TestTenants.CreateAsync(_services, edition: EditionMatrix.Basic);
        await SetContactsAsync(owner.TenantId, owner.Email, "+14155550150");

        var conversationId = await AskForAPersonAsync(owner.TenantId, Payload, "Can I talk to a real person?");
        var deliveries = await DeliveriesAsync(owner.TenantId);
        foreach (var delivery in deliveries)
        {
            await using var scope = _services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<TenantJobRunner>().RunAsync(owner.TenantId, new DeliverNotificationArgs(delivery.Id), CancellationToken.None);
        }

        var link = $"{AdminUrl}/Workspace/Conversations/Details/{conversationId}";
        deliveries.Select(d => (d.Kind, d.Channel, d.ConversationId)).OrderBy(d => d.Channel).ShouldBe([
            (NotificationKind.HumanRequested, NotificationChannel.Email, conversationId),
            (NotificationKind.HumanRequested, NotificationChannel.Sms, conversationId),
        ]);
        (await DeliveriesAsync(owner.TenantId)).ShouldAllBe(d => d.Status == DeliveryStatus.Sent);
        _twilio.Messages.ShouldHaveSingleItem().Body.ShouldEndWith(link);
        var mail = await MimeMessage.LoadAsync(Directory.GetFiles(_mail).ShouldHaveSingleItem());
        mail.To.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe(owner.Email);
        mail.TextBody.ShouldNotBeNull().ShouldContain(link);
        mail.TextBody.ShouldContain(Payload);
        var html = new HtmlParser().ParseDocument(mail.HtmlBody.ShouldNotBeNull());
        html.QuerySelector("a")!.GetAttribute("href").ShouldBe(link);
        html.QuerySelectorAll("blockquote").Select(q => q.TextContent).ShouldBe([Payload, "Can I talk to a real person?"]);
        html.QuerySelectorAll("script, img").ShouldBeEmpty();
    }

    [Fact]
    public async Task Without_sms_in_the_edition_only_the_email_is_written()
    {
        var owner = await TestTenants.CreateAsync(_services, edition: EditionMatrix.Free);
        await SetContactsAsync(owner.TenantId, owner.Email, "+14155550151");

        await AskForAPersonAsync(owner.TenantId, "Can I talk to a real person?");

        (await DeliveriesAsync(owner.TenantId)).ShouldHaveSingleItem().Channel.ShouldBe(NotificationChannel.Email);
    }

    private async Task<Guid> AskForAPersonAsync(Guid tenantId, params string[] messages)
    {
        await using var scope = _services.CreateAsyncScope();
        using var tenant = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId);
        var chat = scope.ServiceProvider.GetRequiredService<ChatAppService>();
        var started = await chat.StartAsync(new StartConversationDto(), visitor: null);
        foreach (var text in messages)
        {
            await chat.SendAsync(started.Token, new SendMessageDto { Text = text, IdempotencyKey = Guid.NewGuid().ToString("N") });
        }

        return await scope.ServiceProvider.GetRequiredService<ISmbAgentDbContext>().Conversations.Select(c => c.Id).SingleAsync();
    }

    private async Task SetContactsAsync(Guid tenantId, string email, string phone)
    {
        await using var scope = _services.CreateAsyncScope();
        using var tenant = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<ISmbAgentDbContext>();
        (await db.BusinessProfiles.SingleAsync()).Contacts = [new NotificationContact(ContactKind.Email, email, "Owner"), new NotificationContact(ContactKind.Phone, phone, "Owner")];
        await db.SaveChangesAsync();
    }

    private async Task<List<NotificationDelivery>> DeliveriesAsync(Guid tenantId)
    {
        await using var scope = _services.CreateAsyncScope();
        using var tenant = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId);
        return await scope.ServiceProvider.GetRequiredService<ISmbAgentDbContext>().NotificationDeliveries.AsNoTracking().ToListAsync();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _twilio.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_mail, recursive: true);
    }
}
