using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Auditing;
using SmbAgent.Data;
using SmbAgent.TestKit;

namespace SmbAgent.Web.Tests.Host;

/// <summary>The platform admin schedules a business's deletion from its page and can restore it during the grace period.</summary>
public sealed class TenantDeletionPageTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task Scheduling_deletion_refuses_the_business_at_once_and_restoring_lets_it_back_in()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var owner = fixture.CreateBrowser();
        await owner.SignInAsync(tenant);
        using var admin = fixture.CreateBrowser();
        await admin.SignInAsHostAdminAsync();
        var edit = $"/Host/Tenants/Edit/{tenant.TenantId}";

        await admin.PostAndRedirectAsync(edit, edit + "?handler=ScheduleDeletion", new Dictionary<string, string>());
        var scheduled = HostConsole.Parse((await admin.GetPageAsync(edit)).Html);
        using var refused = await owner.GetAsync("/");
        var due = await fixture.Factory.Services.InTenantAsync(null, sp => sp.GetRequiredService<ISmbAgentDbContext>().Tenants.AsNoTracking()
            .Where(t => t.Id == tenant.TenantId).Select(t => t.DeletionDueTime).SingleAsync());

        scheduled.QuerySelector("#tenant-deletion").ShouldNotBeNull();
        scheduled.QuerySelector("#deletion-due")!.TextContent.ShouldContain("deleted for good after");
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden, "the business is refused at once");
        due.ShouldNotBeNull().ShouldBe(DateTimeOffset.UtcNow.AddDays(30), TimeSpan.FromMinutes(5));

        await admin.PostAndRedirectAsync(edit, edit + "?handler=RestoreDeletion", new Dictionary<string, string>());
        using var again = fixture.CreateBrowser();
        await again.SignInAsync(tenant);

        (await again.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        HostConsole.Parse((await admin.GetPageAsync(edit)).Html).QuerySelector("#tenant-deletion").ShouldBeNull();
        (await fixture.Factory.AuditEntriesAsync(AuditActions.TenantDeletionScheduled)).ShouldContain(e => e.Details!.StartsWith($"tenant {tenant.Name}:", StringComparison.Ordinal));
        (await fixture.Factory.AuditEntriesAsync(AuditActions.TenantDeletionCancelled)).ShouldContain(e => e.Details == $"tenant {tenant.Name} restored");
    }
}
