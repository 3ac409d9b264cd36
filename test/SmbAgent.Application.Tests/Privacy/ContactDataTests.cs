using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Auditing;
using SmbAgent.Data;
using SmbAgent.Privacy;

namespace SmbAgent.Application.Tests.Privacy;

/// <summary>One contact's export holds everything about them; their erasure leaves nothing of it, and nothing else goes.</summary>
public sealed class ContactDataTests(PrivacyFixture fixture) : IClassFixture<PrivacyFixture>
{
    private const string Email = "Sam.Jones@Example.com";
    private const string Phone = "+14155550177";

    [Fact]
    public async Task The_export_of_a_contact_holds_their_leads_answers_conversations_calls_and_notifications()
    {
        var (business, chat, call, _, _) = await SeedAsync();

        var export = await fixture.InTenantAsync(business, sp => sp.GetRequiredService<ContactDataAppService>().ExportAsync(new ContactLookup(" sam.jones@example.COM ", null)));

        export.Leads.Select(l => l.Id).ShouldBe([chat.LeadId!.Value], ignoreOrder: true);
        export.Leads[0].Answers.ShouldContain(a => string.Equals(a.Value, Email, StringComparison.OrdinalIgnoreCase));
        export.Conversations.Select(c => c.Id).ShouldBe([chat.ConversationId, call.ConversationId], ignoreOrder: true, "the lead's chat, and the call whose words carry the address");
        export.Conversations.Single(c => c.Id == chat.ConversationId).Messages.Count.ShouldBe(2);
        export.Calls.Select(c => c.Id).ShouldBe([call.CallId!.Value]);
        export.Calls[0].Transcript.ShouldNotBeNull();
        export.NotificationDeliveries.Count.ShouldBe(2, "the owner's new-lead email and the visitor's confirmation");

        var byPhone = await fixture.InTenantAsync(business, sp => sp.GetRequiredService<ContactDataAppService>().ExportAsync(new ContactLookup(null, "(415) 555-0177")));
        byPhone.Calls.Select(c => c.Id).ShouldBe([call.CallId!.Value], "the number is read as the business's country's (US) and matched in E.164");
        byPhone.Leads.ShouldBeEmpty();
    }

    [Fact]
    public async Task Erasing_a_contact_leaves_nothing_of_them_and_keeps_everyone_else()
    {
        var (business, chat, call, someoneElse, otherBusiness) = await SeedAsync();

        var erased = await fixture.InTenantAsync(business, sp => sp.GetRequiredService<ContactDataAppService>().EraseAsync(new ContactLookup(Email, Phone)));

        erased.Leads.ShouldBe(1);
        erased.Conversations.ShouldBe(2);
        erased.Calls.ShouldBe(1);
        erased.NotificationDeliveries.ShouldBe(2);
        foreach (var conversation in new[] { chat.ConversationId, call.ConversationId })
        {
            (await fixture.CountAsync("SELECT count(*) FROM conversations WHERE id = @p0", conversation)).ShouldBe(0);
            (await fixture.CountAsync("SELECT count(*) FROM conversation_messages WHERE conversation_id = @p0", conversation)).ShouldBe(0);
        }

        (await fixture.CountAsync("SELECT count(*) FROM leads WHERE tenant_id = @p0 AND (lower(email) = lower(@p1) OR phone = @p2)", business, Email, Phone)).ShouldBe(0);
        (await fixture.CountAsync("SELECT count(*) FROM call_logs WHERE tenant_id = @p0 AND \"from\" = @p1", business, Phone)).ShouldBe(0);
        (await fixture.CountAsync("SELECT count(*) FROM call_status_events WHERE tenant_id = @p0", business)).ShouldBe(0);
        (await fixture.CountAsync("SELECT count(*) FROM notification_deliveries WHERE tenant_id = @p0 AND (lead_id = @p1 OR lower(recipient) = lower(@p2))", business, chat.LeadId!.Value, Email)).ShouldBe(0);
        (await fixture.CountAsync("SELECT count(*) FROM conversation_messages WHERE tenant_id = @p0 AND lower(text) LIKE '%sam.jones@example.com%'", business)).ShouldBe(0);

        (await fixture.CountAsync("SELECT count(*) FROM leads WHERE id = @p0", someoneElse.LeadId!.Value)).ShouldBe(1, "another contact of the business stays");
        (await fixture.CountAsync("SELECT count(*) FROM conversation_messages WHERE conversation_id = @p0", someoneElse.ConversationId)).ShouldBe(2);
        (await fixture.CountAsync("SELECT count(*) FROM leads WHERE id = @p0", otherBusiness.LeadId!.Value)).ShouldBe(1, "the same address at another business is that business's to erase");

        var audit = await fixture.InTenantAsync(business, sp => sp.GetRequiredService<ISmbAgentDbContext>().AuditLogEntries.AsNoTracking()
            .Where(e => e.Action == AuditActions.ContactErased).Select(e => e.Details).SingleAsync());
        audit.ShouldNotBeNull().ShouldContain("1 lead(s)");
        audit.ShouldNotContain("sam.jones", Case.Insensitive);
        audit.ShouldNotContain("555");
    }

    [Fact]
    public async Task A_lookup_without_a_valid_email_or_phone_is_refused()
    {
        var business = await fixture.CreateTenantAsync();

        await Should.ThrowAsync<BusinessException>(() => fixture.InTenantAsync(business, sp => sp.GetRequiredService<ContactDataAppService>().EraseAsync(new ContactLookup(" ", null))));
        var phone = await Should.ThrowAsync<BusinessException>(() => fixture.InTenantAsync(business, sp => sp.GetRequiredService<ContactDataAppService>().ExportAsync(new ContactLookup(null, "12"))));
        phone.Status.ShouldBe(400);
    }

    private async Task<(Guid Business, PrivacyRows.Seeded Chat, PrivacyRows.Seeded Call, PrivacyRows.Seeded SomeoneElse, PrivacyRows.Seeded OtherBusiness)> SeedAsync()
    {
        var business = await fixture.CreateTenantAsync();
        var other = await fixture.CreateTenantAsync();
        var now = DateTimeOffset.UtcNow;
        var chat = await PrivacyRows.AddAsync(fixture.Services, business, now, withLead: true, email: Email.ToLowerInvariant(), visitorText: "Hi, I'm Sam.");
        var call = await PrivacyRows.AddAsync(fixture.Services, business, now, withCall: true, phone: Phone, visitorText: $"Write to me at {Email}.");
        var someoneElse = await PrivacyRows.AddAsync(fixture.Services, business, now, withLead: true, email: "alex@example.com", phone: "+14155550188");
        var otherBusiness = await PrivacyRows.AddAsync(fixture.Services, other, now, withLead: true, email: Email.ToLowerInvariant(), phone: Phone);
        return (business, chat, call, someoneElse, otherBusiness);
    }
}
