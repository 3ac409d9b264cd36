using System.Globalization;
using System.Net;
using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using SmbAgent.BackgroundJobs;
using SmbAgent.Conversations;
using SmbAgent.Emailing;
using SmbAgent.EntityFrameworkCore;
using SmbAgent.Notifications;
using SmbAgent.Permissions;
using SmbAgent.Identity;
using SmbAgent.Web.Tests.Workspace;
using static SmbAgent.Web.Tests.Leads.LeadPages;

namespace SmbAgent.Web.Tests.Leads;

/// <summary>Notifications on the follow-up pages: a failed one sent again from the lead, a visitor's request for a person on the conversation.</summary>
public sealed class DeliveryPageTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private static readonly DateTimeOffset Queued = new(2026, 3, 10, 12, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_owner_retries_a_failed_notification_from_the_lead_and_it_is_sent_once_however_often_retry_is_posted()
    {
        var owner = await fixture.CreateTenantAsync();
        var recipient = $"owner-{Guid.NewGuid():N}@example.com";
        var (leadId, conversationId) = await fixture.Factory.AddLeadAsync(owner.TenantId, new() { Name = "Retry Rita" });
        var failedId = await fixture.Factory.AddDeliveryAsync(owner.TenantId, leadId, conversationId, NotificationChannel.Email, recipient, ["421 relay down", "421 relay down"], gaveUp: true);
        var pendingId = await fixture.Factory.AddDeliveryAsync(owner.TenantId, leadId, conversationId, NotificationChannel.Sms, "+15550100", ["Twilio answered 503"], gaveUp: false);
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);
        var path = DetailsPath(leadId);

        var before = await browser.OpenAsync(path);
        var retry = HtmlForm.Parse(before, $"#lead-deliveries tr[data-id='{failedId}'] form.delivery-retry", path);
        using var first = await retry.PostAsync(browser);
        using var second = await retry.PostAsync(browser);
        var queued = TakeQueued(owner.TenantId);
        foreach (var args in queued)
        {
            await fixture.Factory.InTenantAsync(owner.TenantId, sp => sp.GetRequiredService<TenantJobRunner>().RunAsync(owner.TenantId, args, CancellationToken.None));
        }

        using var afterSent = await retry.PostAsync(browser);
        using var pending = await PostRetryAsync(browser, path, Browser.AntiforgeryToken(before), pendingId);
        var requeuedAfterSent = TakeQueued(owner.TenantId);
        var after = Parse(await browser.OpenAsync(path));

        Parse(before).QuerySelectorAll("#lead-deliveries form.delivery-retry").Length.ShouldBe(1, "only the failed delivery offers a retry");
        (first.StatusCode, second.StatusCode, afterSent.StatusCode, pending.StatusCode).ShouldBe((HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect));
        queued.ShouldBe([new DeliverNotificationArgs(failedId, 2)]);
        requeuedAfterSent.ShouldBeEmpty();
        (await MailsToAsync(recipient)).ShouldHaveSingleItem().Subject.ShouldStartWith("[NORMAL] New lead for");
        var row = after.QuerySelector($"#lead-deliveries tr[data-id='{failedId}']")!;
        (row.QuerySelector(".delivery-status")!.TextContent, row.QuerySelector(".delivery-attempts")!.TextContent, row.QuerySelector(".delivery-error")!.TextContent)
            .ShouldBe(("Sent", "3", string.Empty));
        after.QuerySelector($"#lead-deliveries tr[data-id='{pendingId}'] .delivery-status")!.TextContent.ShouldBe("Pending");
        after.QuerySelectorAll("#lead-deliveries form.delivery-retry").ShouldBeEmpty();
    }

    [Fact]
    public async Task Without_permission_to_update_leads_there_is_no_retry_and_a_posted_one_is_forbidden()
    {
        var owner = await fixture.CreateTenantAsync();
        var (leadId, conversationId) = await fixture.Factory.AddLeadAsync(owner.TenantId, new());
        var failedId = await fixture.Factory.AddDeliveryAsync(owner.TenantId, leadId, conversationId, NotificationChannel.Email, "owner@example.com", ["550 no such user"], gaveUp: true);
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
        using var posted = await PostRetryAsync(browser, path, Browser.AntiforgeryToken(page), failedId);

        Parse(page).QuerySelector($"#lead-deliveries tr[data-id='{failedId}'] .delivery-status")!.TextContent.ShouldBe("Failed");
        Parse(page).QuerySelectorAll("#lead-deliveries form.delivery-retry").ShouldBeEmpty();
        posted.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        TakeQueued(owner.TenantId).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_conversation_shows_the_notifications_about_the_visitors_request_for_a_person_but_not_its_leads()
    {
        var owner = await fixture.CreateTenantAsync();
        var (leadId, conversationId) = await fixture.Factory.AddLeadAsync(owner.TenantId, new() { Messages = [(MessageRole.Visitor, "Can I talk to a person?")] });
        await fixture.Factory.AddDeliveryAsync(owner.TenantId, leadId, conversationId, NotificationChannel.Email, "lead-alert@example.com", [], gaveUp: false);
        var emailId = await fixture.Factory.AddDeliveryAsync(owner.TenantId, null, conversationId, NotificationChannel.Email, "owner@example.com", [], gaveUp: false);
        var smsId = await fixture.Factory.AddDeliveryAsync(owner.TenantId, null, conversationId, NotificationChannel.Sms, "+15550123", ["Twilio answered 503", "<b>Invalid</b> 'To' number"], gaveUp: true);
        await fixture.Factory.InTenantAsync(owner.TenantId, async sp =>
        {
            var db = sp.GetRequiredService<SmbAgentDbContext>();
            (await db.NotificationDeliveries.SingleAsync(d => d.Id == emailId)).MarkSent(new DateTimeOffset(2026, 3, 10, 12, 31, 0, TimeSpan.Zero), null);
            await db.SaveChangesAsync();
        });
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);

        var page = Parse(await browser.OpenAsync(ConversationPath(conversationId)));

        var rows = page.QuerySelectorAll("#conversation-deliveries tr.delivery-row")
            .Select(r => (
                r.GetAttribute("data-id"),
                r.QuerySelector(".delivery-kind")!.TextContent,
                r.QuerySelector(".delivery-channel")!.TextContent,
                r.QuerySelector(".delivery-recipient")!.TextContent,
                r.QuerySelector(".delivery-status")!.TextContent,
                r.QuerySelector(".delivery-attempts")!.TextContent,
                r.QuerySelector(".delivery-error")!.TextContent,
                DateTimeOffset.Parse(r.QuerySelector(".delivery-queued")!.GetAttribute("datetime")!, CultureInfo.InvariantCulture)))
            .ToList();
        rows.ShouldBe(
        [
            (emailId.ToString(), "Visitor asked for a person", "(email)", "owner@example.com", "Sent", "1", string.Empty, Queued),
            (smsId.ToString(), "Visitor asked for a person", "(SMS)", "+15550123", "Failed", "2", "<b>Invalid</b> 'To' number", Queued),
        ], ignoreOrder: true);
        page.QuerySelectorAll("#conversation-deliveries form.delivery-retry").Length.ShouldBe(1);
        page.QuerySelector($"#conversation-deliveries tr[data-id='{smsId}'] form.delivery-retry").ShouldNotBeNull();
    }

    /// <summary>Posts a retry of <paramref name="deliveryId"/> as the row's button would, whether or not the page shows one.</summary>
    private static async Task<HttpResponseMessage> PostRetryAsync(Browser browser, string path, string token, Guid deliveryId)
    {
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        return await browser.Client.PostAsync(new Uri($"{path}?handler=Retry&deliveryId={deliveryId}", UriKind.Relative), content);
    }

    private IReadOnlyList<DeliverNotificationArgs> TakeQueued(Guid tenantId)
    {
        var services = fixture.Factory.Services;
        var queued = services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedJobs("default", 0, 1000)
            // By state name: Hangfire.PostgreSql keeps reporting a deleted job as "in enqueued state".
            .Where(j => j.Value.State == EnqueuedState.StateName
                        && j.Value.Job?.Type == typeof(TenantJobRunner)
                        && j.Value.Job.Args[0] is Guid queuedFor && queuedFor == tenantId
                        && j.Value.Job.Args[1] is DeliverNotificationArgs)
            .ToList();
        foreach (var (jobId, _) in queued)
        {
            services.GetRequiredService<IBackgroundJobClient>().Delete(jobId);
        }

        return [.. queued.Select(j => (DeliverNotificationArgs)j.Value.Job.Args[1])];
    }

    private async Task<List<MimeMessage>> MailsToAsync(string recipient)
    {
        var directory = fixture.Factory.Services.GetRequiredService<IOptions<EmailOptions>>().Value.PickupDirectory;
        var found = new List<MimeMessage>();
        foreach (var file in Directory.GetFiles(directory, "*.eml"))
        {
            var message = await MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Any(m => m.Address == recipient))
            {
                found.Add(message);
            }
        }

        return found;
    }
}
