using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Conversations;
using SmbAgent.Conversations.Emergencies;
using SmbAgent.Data;
using SmbAgent.Leads;
using SmbAgent.Notifications;
using SmbAgent.Tenancy;
using SmbAgent.TestKit;
using SmbAgent.Workspace;

namespace SmbAgent.HttpApi.Tests.Conversations;

/// <summary>
/// Through the chat API with the real engine, job server and an SMTP server: the owner's emergency words change
/// what a turn is, and the visitor's confirmation email goes out only when the business turned it on.
/// </summary>
public sealed class OwnerWordsAndConfirmationChatTests(SmtpApiFixture fixture) : IClassFixture<SmtpApiFixture>
{
    private const string Payload = "<script>alert(1)</script><img src=x onerror=alert(2)>";

    [Fact]
    public async Task An_owners_urgent_phrase_makes_an_urgent_lead_where_the_built_in_words_see_nothing()
    {
        const string Message = "Our pool pump is making a grinding noise";
        var plain = await NewBusinessAsync();
        var withWord = await NewBusinessAsync(new CreateEmergencyWordDto { Phrase = "Pool  Pump", Level = LeadPriority.Urgent });
        var control = await StartAsync(plain);
        var chat = await StartAsync(withWord);

        var ordinary = await control.SayAsync(Message);
        var alarm = await chat.SayAsync(Message);
        await chat.SayAsync("+1 415 555 0188");
        var done = await chat.SayAsync("The pump of the pool");

        ordinary.ShouldNotContain("emergency");
        alarm.ShouldContain("emergency");
        alarm.ShouldEndWith("What's the best phone number to reach you?");
        done.ShouldContain("alerted");
        (await LeadAsync(withWord.TenantId)).Priority.ShouldBe(LeadPriority.Urgent);
    }

    [Fact]
    public async Task An_owners_harmless_phrase_keeps_a_turn_with_a_built_in_emergency_word_normal()
    {
        const string Message = "Does the smoke from your smokers bother the neighbours?";
        var plain = await NewBusinessAsync();
        var barbecue = await NewBusinessAsync(new CreateEmergencyWordDto { Phrase = "smoke", Level = LeadPriority.Normal });
        var control = await StartAsync(plain);
        var chat = await StartAsync(barbecue);

        var alarm = await control.SayAsync(Message);
        var calm = await chat.SayAsync(Message);
        (await chat.SayAsync("I'd like a quote for a smoker")).ShouldEndWith("What's your name?");
        await chat.SayAsync("Bo Smith");
        await chat.SayAsync("+1 415 555 0189");
        await chat.SayAsync("skip");
        var done = await chat.SayAsync("A quote for an offset smoker");

        alarm.ShouldContain("emergency");
        calm.ShouldNotContain("emergency");
        done.ShouldContain("Thank you");
        (await LeadAsync(barbecue.TenantId)).Priority.ShouldBe(LeadPriority.Normal);
    }

    [Fact]
    public async Task With_confirmations_on_the_visitor_gets_one_in_spanish_and_the_owners_html_shows_their_markup_as_text()
    {
        var business = await NewBusinessAsync(visitorConfirmation: true);
        var chat = await StartAsync(business, "es");
        var visitor = $"lucia-{Guid.NewGuid():N}@example.com";

        (await chat.SayAsync("Quisiera un presupuesto para el baño")).ShouldEndWith("What's your name?");
        await chat.SayAsync("Lucía Pérez");
        await chat.SayAsync("+1 415 555 0133");
        await chat.SayAsync(visitor);
        await chat.SayAsync(Payload);

        var lead = await LeadAsync(business.TenantId);
        var deliveries = await WaitUntilSentAsync(business.TenantId, lead.Id);
        deliveries.Select(d => (d.Kind, d.Recipient)).ShouldBe(
            [(NotificationKind.NewLead, business.OwnerEmail), (NotificationKind.VisitorConfirmation, visitor)], ignoreOrder: true);
        var confirmation = fixture.Smtp.Messages.Single(m => m.Recipients.Contains(visitor)).Parse();
        confirmation.Subject.ShouldEndWith("hemos recibido su solicitud");
        var confirmationText = confirmation.TextBody.ShouldNotBeNull();
        confirmationText.ShouldContain("Hola, Lucía Pérez");
        confirmationText.ShouldContain("+1 415 555 0100");
        confirmationText.ShouldNotContain("script");
        var toOwner = fixture.Smtp.Messages.Single(m => m.Recipients.Contains(business.OwnerEmail)).Parse();
        var html = toOwner.HtmlBody.ShouldNotBeNull();
        html.ShouldNotContain("<script", Case.Insensitive);
        html.ShouldNotContain("<img", Case.Insensitive);
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;");
    }

    [Fact]
    public async Task With_confirmations_off_only_the_owner_hears_about_the_lead()
    {
        var business = await NewBusinessAsync();
        var chat = await StartAsync(business);
        var visitor = $"sam-{Guid.NewGuid():N}@example.com";

        (await chat.SayAsync("I'd like a quote for a new bathroom")).ShouldEndWith("What's your name?");
        await chat.SayAsync("Sam Lee");
        await chat.SayAsync("+1 415 555 0134");
        await chat.SayAsync(visitor);
        await chat.SayAsync("Re-tiling the bathroom");

        var lead = await LeadAsync(business.TenantId);
        lead.Email.ShouldBe(visitor);
        var deliveries = await WaitUntilSentAsync(business.TenantId, lead.Id);
        deliveries.ShouldHaveSingleItem().Kind.ShouldBe(NotificationKind.NewLead);
        fixture.Smtp.Messages.ShouldNotContain(m => m.Recipients.Contains(visitor));
    }

    [Fact]
    public async Task Words_and_switches_changed_while_visitors_chat_apply_from_the_next_turn()
    {
        var business = await NewBusinessAsync();
        var first = await StartAsync(business);
        (await first.SayAsync("Our pool pump is making a grinding noise")).ShouldNotContain("emergency");

        await AsOwnerAsync(business, async sp =>
        {
            await sp.GetRequiredService<EmergencyWordAppService>().CreateAsync(new CreateEmergencyWordDto { Phrase = "pool pump", Level = LeadPriority.Urgent });
            await sp.GetRequiredService<NotificationSettingsAppService>().UpdateAsync(new NotificationSettingsDto(SendVisitorConfirmation: true));
        });
        (await first.SayAsync("The pool pump is still grinding")).ShouldContain("emergency");

        var second = await StartAsync(business);
        var visitor = $"kim-{Guid.NewGuid():N}@example.com";
        (await second.SayAsync("I'd like a quote for a new bathroom")).ShouldEndWith("What's your name?");
        await second.SayAsync("Kim Park");
        await second.SayAsync("+1 415 555 0135");
        await second.SayAsync(visitor);
        await second.SayAsync("Re-tiling the bathroom");

        var deliveries = await WaitUntilSentAsync(business.TenantId, (await LeadsAsync(business.TenantId)).Single(l => l.Email == visitor).Id);
        deliveries.ShouldContain(d => d.Kind == NotificationKind.VisitorConfirmation && d.Recipient == visitor);
    }

    private sealed record Business(Guid TenantId, string WidgetKey, string OwnerEmail);

    private async Task<ChatClient> StartAsync(Business business, string? language = null)
    {
        var chat = new ChatClient(fixture.Api.Factory.CreateClient(), business.WidgetKey);
        await chat.StartAsync(language);
        return chat;
    }

    /// <summary>A business with a phone number and its owner as the email contact; its own words added the way the admin page adds them.</summary>
    private async Task<Business> NewBusinessAsync(CreateEmergencyWordDto? word = null, bool visitorConfirmation = false)
    {
        var owner = await fixture.Api.CreateTenantAsync();
        await using var scope = fixture.Api.Factory.Services.CreateAsyncScope();
        using var tenant = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(owner.TenantId);
        var db = scope.ServiceProvider.GetRequiredService<ISmbAgentDbContext>();
        var profile = await db.BusinessProfiles.FirstAsync();
        profile.Phone = "+1 415 555 0100";
        profile.Contacts = [new NotificationContact(ContactKind.Email, owner.Email, "Owner")];
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<NotificationSettingsAppService>().UpdateAsync(new NotificationSettingsDto(visitorConfirmation));
        if (word is not null)
        {
            await scope.ServiceProvider.GetRequiredService<EmergencyWordAppService>().CreateAsync(word);
        }

        var widgetKey = await db.Tenants.Where(t => t.Id == owner.TenantId).Select(t => t.WidgetKey).SingleAsync();
        return new Business(owner.TenantId, widgetKey, owner.Email);
    }

    private async Task AsOwnerAsync(Business business, Func<IServiceProvider, Task> action)
    {
        await using var scope = fixture.Api.Factory.Services.CreateAsyncScope();
        using var tenant = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(business.TenantId);
        await action(scope.ServiceProvider);
    }

    private async Task<List<Lead>> LeadsAsync(Guid tenantId)
    {
        await using var scope = fixture.Api.Factory.Services.CreateAsyncScope();
        using var tenant = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId);
        return await scope.ServiceProvider.GetRequiredService<ISmbAgentDbContext>().Leads.AsNoTracking().ToListAsync();
    }

    private async Task<Lead> LeadAsync(Guid tenantId)
    {
        await using var scope = fixture.Api.Factory.Services.CreateAsyncScope();
        using var tenant = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId);
        return await scope.ServiceProvider.GetRequiredService<ISmbAgentDbContext>().Leads.AsNoTracking().SingleAsync();
    }

    /// <summary>Polls until the job server sent every delivery of the lead (or 30 s passed).</summary>
    private async Task<List<NotificationDelivery>> WaitUntilSentAsync(Guid tenantId, Guid leadId)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            await using (var scope = fixture.Api.Factory.Services.CreateAsyncScope())
            using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId))
            {
                var deliveries = await scope.ServiceProvider.GetRequiredService<ISmbAgentDbContext>().NotificationDeliveries.AsNoTracking()
                    .Where(d => d.LeadId == leadId).ToListAsync();
                if (deliveries.TrueForAll(d => d.Status == DeliveryStatus.Sent) || DateTimeOffset.UtcNow > deadline)
                {
                    deliveries.ShouldAllBe(d => d.Status == DeliveryStatus.Sent);
                    return deliveries;
                }
            }

            await Task.Delay(200);
        }
    }
}
