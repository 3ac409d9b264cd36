using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.BackgroundJobs;
using SmbAgent.Data;
using SmbAgent.KnowledgeBase;
using SmbAgent.KnowledgeBase.Ingestion;
using SmbAgent.Leads;
using SmbAgent.Notifications;
using SmbAgent.Tenancy;
using SmbAgent.Workspace;

namespace SmbAgent.HttpApi.Tests.Conversations;

public sealed record ChatBusiness(Guid TenantId, string WidgetKey, string OwnerEmail);

/// <summary>A business with a phone number, the owner as email contact and an indexed plumbing FAQ.</summary>
public static class ChatBusinesses
{
    /// <param name="withContacts">False leaves the contact list empty, as before the owner fills it in.</param>
    public static async Task<ChatBusiness> CreateAsync(ApiFixture fixture, bool withContacts = true)
    {
        var owner = await fixture.CreateTenantAsync();
        var services = fixture.Factory.Services;
        string widgetKey;
        KnowledgeSourceDto faq;
        await using (var scope = services.CreateAsyncScope())
        using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(owner.TenantId))
        {
            var db = scope.ServiceProvider.GetRequiredService<ISmbAgentDbContext>();
            var profile = await db.BusinessProfiles.FirstAsync();
            profile.Phone = "+1 415 555 0100";
            profile.Contacts = withContacts ? [new NotificationContact(ContactKind.Email, owner.Email, "Owner")] : [];
            await db.SaveChangesAsync();
            widgetKey = await db.Tenants.Where(t => t.Id == owner.TenantId).Select(t => t.WidgetKey).SingleAsync();
            faq = await scope.ServiceProvider.GetRequiredService<KnowledgeSourceAppService>().CreateFaqAsync(new CreateFaqSourceDto
            {
                Title = "Plumbing FAQ",
                Text = """
                       Q: What are your opening hours?
                       A: We are open Monday to Friday from 8 am to 6 pm, and Saturdays from 9 am to 1 pm.
                       Q: Do you install water heaters?
                       A: Yes, gas and electric water heaters, with a five year warranty.
                       """,
            });
        }

        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TenantJobRunner>().RunAsync(owner.TenantId, new IngestKnowledgeSourceArgs(faq.Id), CancellationToken.None);
        }

        return new ChatBusiness(owner.TenantId, widgetKey, owner.Email);
    }

    public static async Task<(IReadOnlyList<string> Recipients, IReadOnlyList<Lead> Leads)> OutcomeAsync(ApiFixture fixture, Guid tenantId)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        using var tenant = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<ISmbAgentDbContext>();
        return (await db.NotificationDeliveries.Select(d => d.Recipient).ToListAsync(), await db.Leads.AsNoTracking().ToListAsync());
    }

    public static async Task<Lead> LeadAsync(ApiFixture fixture, Guid tenantId)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        using var tenant = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId);
        return await scope.ServiceProvider.GetRequiredService<ISmbAgentDbContext>().Leads.AsNoTracking().SingleAsync();
    }

    /// <summary>Polls until the job server sent the lead's email, or 30 seconds passed.</summary>
    public static async Task<NotificationDelivery> WaitForDeliveryAsync(ApiFixture fixture, Guid tenantId, Guid leadId)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            await using (var scope = fixture.Factory.Services.CreateAsyncScope())
            using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId))
            {
                var delivery = await scope.ServiceProvider.GetRequiredService<ISmbAgentDbContext>().NotificationDeliveries.AsNoTracking()
                    .SingleAsync(d => d.LeadId == leadId && d.Channel == NotificationChannel.Email);
                if (delivery.Status == DeliveryStatus.Sent || DateTimeOffset.UtcNow > deadline)
                {
                    return delivery;
                }
            }

            await Task.Delay(200);
        }
    }
}
