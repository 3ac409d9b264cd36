using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Conversations;
using SmbAgent.EntityFrameworkCore;
using SmbAgent.Identity;
using SmbAgent.Notifications;
using SmbAgent.Permissions;
using SmbAgent.Web.Tests.Workspace;
using SmbAgent.Workspace;
using static SmbAgent.Web.Tests.Leads.LeadPages;

namespace SmbAgent.Web.Tests.Leads;

/// <summary>The urgent lead's owner call on the lead page: every attempt, who acknowledged, and the team's own acknowledgement.</summary>
public sealed class EmergencyAlertPageTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private const string Payload = "<script>alert(1)</script>";

    [Fact]
    public async Task The_lead_shows_each_call_of_the_ladder_and_the_owner_acknowledges_it_from_the_page()
    {
        var owner = await fixture.CreateTenantAsync();
        var (leadId, _) = await fixture.Factory.AddLeadAsync(owner.TenantId, new() { Priority = LeadPriority.Urgent, Name = "Flood Fred" });
        await AddCallingAlertAsync(owner.TenantId, leadId);
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);
        var path = DetailsPath(leadId);

        var before = await browser.OpenAsync(path);
        var form = HtmlForm.Parse(before, "#alert-acknowledge", path);
        using var posted = await form.PostAsync(browser);
        var after = Parse(await browser.OpenAsync(path));

        var page = Parse(before);
        page.QuerySelector("#alert-state")!.TextContent.ShouldBe("Calling the owner");
        page.QuerySelectorAll("#alert-attempts tr.attempt-row").Select(r => (
                r.QuerySelector(".attempt-contact")!.TextContent,
                r.QuerySelector(".attempt-round")!.TextContent,
                r.QuerySelector(".attempt-status")!.TextContent,
                r.QuerySelector(".attempt-error")!.TextContent))
            .ShouldBe([("+14155550101 (Ana)", "1", "timed-out", string.Empty), ("+14155550102 (Ben)", "1", "failed", Payload)]);
        before.ShouldNotContain(Payload);
        after.QuerySelector("#alert-state")!.TextContent.ShouldBe("Acknowledged");
        after.QuerySelector("#alert-acknowledged")!.TextContent.ShouldContain($"Acknowledged by {owner.Email} in the admin");
        after.QuerySelector("#alert-acknowledge").ShouldBeNull();
        var alert = await AlertAsync(owner.TenantId, leadId);
        alert.State.ShouldBe(EmergencyAlertState.Acknowledged);
        alert.AcknowledgedChannel.ShouldBe("admin");
    }

    [Fact]
    public async Task Without_permission_to_update_leads_there_is_no_acknowledge_and_a_posted_one_is_forbidden()
    {
        var owner = await fixture.CreateTenantAsync();
        var (leadId, _) = await fixture.Factory.AddLeadAsync(owner.TenantId, new() { Priority = LeadPriority.Urgent });
        await AddCallingAlertAsync(owner.TenantId, leadId);
        var staff = await fixture.Factory.CreateStaffAsync(owner);
        await fixture.Factory.InTenantAsync(owner.TenantId, async sp =>
        {
            var db = sp.GetRequiredService<SmbAgentDbContext>();
            var staffRole = await db.Roles.Where(r => r.Name == SmbRoles.Staff).Select(r => r.Id).SingleAsync();
            db.RoleClaims.RemoveRange(await db.RoleClaims.Where(c => c.RoleId == staffRole && c.ClaimValue == SmbPermissions.Leads.Manage).ToListAsync());
            await db.SaveChangesAsync();
        });
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(staff);
        var path = DetailsPath(leadId);

        var page = await browser.OpenAsync(path);
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", Browser.AntiforgeryToken(page))]);
        using var posted = await browser.Client.PostAsync(new Uri($"{path}?handler=Acknowledge", UriKind.Relative), content);

        Parse(page).QuerySelector("#alert-state")!.TextContent.ShouldBe("Calling the owner");
        Parse(page).QuerySelector("#alert-acknowledge").ShouldBeNull();
        posted.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await AlertAsync(owner.TenantId, leadId)).State.ShouldBe(EmergencyAlertState.Calling);
    }

    private Task AddCallingAlertAsync(Guid tenantId, Guid leadId) =>
        fixture.Factory.InTenantAsync(tenantId, async sp =>
        {
            var db = sp.GetRequiredService<SmbAgentDbContext>();
            var profile = await db.BusinessProfiles.FirstAsync();
            profile.Contacts =
            [
                new NotificationContact(ContactKind.Phone, "+14155550101", "Ana"),
                new NotificationContact(ContactKind.Phone, "+14155550102", "Ben"),
            ];
            var alert = new EmergencyAlert(Guid.CreateVersion7(), tenantId, leadId) { State = EmergencyAlertState.Calling, Round = 2 };
            db.EmergencyAlerts.Add(alert);
            db.EmergencyAlertAttempts.Add(new EmergencyAlertAttempt(Guid.CreateVersion7(), tenantId, alert.Id, 1, 0, "+14155550101") { Status = "timed-out", CallSid = "CA" + Guid.NewGuid().ToString("N") });
            db.EmergencyAlertAttempts.Add(new EmergencyAlertAttempt(Guid.CreateVersion7(), tenantId, alert.Id, 1, 1, "+14155550102") { Status = "failed", Error = Payload });
            await db.SaveChangesAsync();
        });

    private Task<EmergencyAlert> AlertAsync(Guid tenantId, Guid leadId) =>
        fixture.Factory.InTenantAsync(tenantId, sp => sp.GetRequiredService<SmbAgentDbContext>().EmergencyAlerts.AsNoTracking().SingleAsync(a => a.LeadId == leadId));
}
