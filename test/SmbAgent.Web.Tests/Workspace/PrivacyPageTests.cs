using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Auditing;
using SmbAgent.Conversations;
using SmbAgent.Data;
using SmbAgent.Leads;
using SmbAgent.TestKit;
using SmbAgent.Web.Tests.Host;

namespace SmbAgent.Web.Tests.Workspace;

/// <summary>The owner's privacy page: retention and disclosures saved, a contact exported as JSON and erased.</summary>
public sealed class PrivacyPageTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task The_owner_saves_retention_and_disclosures_and_a_bad_period_is_refused_with_a_message()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);

        await browser.PostAndRedirectAsync("/Workspace/Privacy", "/Workspace/Privacy?handler=Settings", new Dictionary<string, string>
        {
            ["Input.ConversationRetentionDays"] = "90",
            ["Input.RecordingRetentionDays"] = "",
            ["Input.AiDisclosure"] = "You are talking to an AI assistant.",
            ["Input.RecordingDisclosure"] = "",
        });
        using var refused = await browser.PostFormAsync("/Workspace/Privacy", "/Workspace/Privacy?handler=Settings", new Dictionary<string, string>
        {
            ["Input.ConversationRetentionDays"] = "-3",
        });

        var agent = await fixture.Factory.Services.InTenantAsync(owner.TenantId, sp => sp.GetRequiredService<ISmbAgentDbContext>().AgentSettings.AsNoTracking().SingleAsync());
        agent.ConversationRetentionDays.ShouldBe(90);
        agent.RecordingRetentionDays.ShouldBeNull();
        agent.AiDisclosure.ShouldBe("You are talking to an AI assistant.");
        agent.RecordingDisclosure.ShouldBeNull();
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Enter a number of days");
    }

    [Fact]
    public async Task A_contact_is_downloaded_as_json_then_erased_without_their_address_in_the_audit_log()
    {
        var owner = await fixture.CreateTenantAsync();
        var leadId = await fixture.Factory.Services.InTenantAsync(owner.TenantId, async sp =>
        {
            var db = sp.GetRequiredService<ISmbAgentDbContext>();
            var conversation = new Conversation(Guid.CreateVersion7(), owner.TenantId, ConversationChannel.Chat, Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"), "en")
            {
                CreationTime = DateTimeOffset.UtcNow,
                LastActivityTime = DateTimeOffset.UtcNow,
                MessageCount = 1,
            };
            var lead = new Lead(Guid.CreateVersion7(), owner.TenantId, conversation.Id, ConversationChannel.Chat, LeadPriority.Normal)
            {
                ContactName = "Robin Reyes",
                Email = "robin@example.com",
                CreationTime = DateTimeOffset.UtcNow,
            };
            conversation.LeadId = lead.Id;
            db.Conversations.Add(conversation);
            db.Leads.Add(lead);
            db.ConversationMessages.Add(new ConversationMessage(Guid.CreateVersion7(), owner.TenantId, conversation.Id, 1, MessageRole.Visitor, "My tap drips.") { CreationTime = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            return lead.Id;
        });
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);

        using var export = await browser.PostFormAsync("/Workspace/Privacy", "/Workspace/Privacy?handler=Export", new Dictionary<string, string> { ["Contact.Email"] = "Robin@Example.com" });
        using var unconfirmed = await browser.PostFormAsync("/Workspace/Privacy", "/Workspace/Privacy?handler=Erase", new Dictionary<string, string> { ["Contact.Email"] = "robin@example.com" });
        var leadKeptUnconfirmed = await LeadExistsAsync(owner.TenantId, leadId);
        using var erase = await browser.PostFormAsync("/Workspace/Privacy", "/Workspace/Privacy?handler=Erase", new Dictionary<string, string>
        {
            ["Contact.Email"] = "robin@example.com",
            ["Contact.Confirm"] = "true",
        });

        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        export.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        using var json = JsonDocument.Parse(await export.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("leads")[0].GetProperty("contactName").GetString().ShouldBe("Robin Reyes");
        json.RootElement.GetProperty("conversations")[0].GetProperty("messages")[0].GetProperty("text").GetString().ShouldBe("My tap drips.");
        leadKeptUnconfirmed.ShouldBeTrue("an erasure needs the confirmation ticked");
        (await erase.Content.ReadAsStringAsync()).ShouldContain("Erased 1 lead(s), 1 conversation(s), 1 message(s)");
        (await LeadExistsAsync(owner.TenantId, leadId)).ShouldBeFalse();
        var audits = await fixture.Factory.AuditEntriesAsync(AuditActions.ContactErased);
        audits.ShouldContain(e => e.TenantId == owner.TenantId);
        audits.ShouldAllBe(e => e.Details == null || !e.Details.Contains("robin", StringComparison.OrdinalIgnoreCase));
    }

    private Task<bool> LeadExistsAsync(Guid tenantId, Guid leadId) =>
        fixture.Factory.Services.InTenantAsync(tenantId, sp => sp.GetRequiredService<ISmbAgentDbContext>().Leads.AnyAsync(l => l.Id == leadId));
}
