using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Data;
using SmbAgent.KnowledgeBase;
using SmbAgent.KnowledgeBase.Ingestion;
using SmbAgent.Notifications;
using SmbAgent.TestKit;
using SmbAgent.TestKit.Twilio;
using SmbAgent.Workspace;

namespace SmbAgent.Bench.Voice;

/// <param name="Number">The business's own Twilio number, on its own account.</param>
/// <param name="FirstContact">The owner contact the emergency ladder rings first.</param>
public sealed record VoiceBusiness(Guid TenantId, string WidgetKey, string Number, string AccountSid, string AuthToken, string FirstContact);

/// <summary>PRO businesses as the tests make them: open around the clock, a small FAQ indexed, two phone contacts, a line.</summary>
public static class VoiceBusinesses
{
    private const string Faq = """
                               Q: What are your opening hours?
                               A: We are open Monday to Friday from 8 am to 6 pm, and Saturdays from 9 am to 1 pm.
                               Q: Do you charge for a call-out?
                               A: A call-out is 65 dollars, waived if we do the repair.
                               Q: Which areas do you cover?
                               A: We cover the whole city and the towns within 20 miles.
                               Q: Do you fix boilers?
                               A: Yes, we service and repair gas and oil boilers of every make.
                               """;

    public static async Task<VoiceBusiness> CreateAsync(IServiceProvider services, bool withKnowledge)
    {
        var owner = await TestTenants.CreateAsync(services, $"Bench Plumbing {Guid.NewGuid():N}", "PRO");
        var first = NewContactNumber();
        var sourceId = await services.InTenantAsync(owner.TenantId, async sp =>
        {
            var db = sp.GetRequiredService<ISmbAgentDbContext>();
            var profile = await db.BusinessProfiles.FirstAsync();
            profile.Phone = "+1 415 555 0100";
            profile.Hours = [.. Enum.GetValues<DayOfWeek>().Select(day => new BusinessHours(day, true, TimeOnly.MinValue, TimeOnly.MaxValue))];
            profile.Contacts =
            [
                new NotificationContact(ContactKind.Email, owner.Email, "Owner"),
                new NotificationContact(ContactKind.Phone, first, "Ana"),
                new NotificationContact(ContactKind.Phone, NewContactNumber(), "Ben"),
            ];
            await db.SaveChangesAsync();
            if (!withKnowledge)
            {
                return (Guid?)null;
            }

            var source = await sp.GetRequiredService<KnowledgeSourceAppService>().CreateFaqAsync(new CreateFaqSourceDto
            {
                Title = "Plumbing FAQ",
                Language = "en",
                Text = Faq,
            });
            return source.Id;
        });
        if (sourceId is { } id)
        {
            await services.RunJobAsync(owner.TenantId, new IngestKnowledgeSourceArgs(id));
        }

        var widgetKey = await services.InTenantAsync(owner.TenantId, sp =>
            sp.GetRequiredService<ISmbAgentDbContext>().Tenants.Where(t => t.Id == owner.TenantId).Select(t => t.WidgetKey).SingleAsync());
        var accountSid = TwilioSigner.NewSid("AC");
        var authToken = Guid.NewGuid().ToString("N");
        var number = TestPhoneLines.NewNumber();
        await TestPhoneLines.AddAsync(services, owner.TenantId, number, accountSid, authToken);
        return new VoiceBusiness(owner.TenantId, widgetKey, number, accountSid, authToken, first);
    }

    /// <summary>A number no other bench business rings: the stub's calls tell the alerts apart by it.</summary>
    private static string NewContactNumber() => $"+1415{Random.Shared.NextInt64(1_000_000, 9_999_999)}";
}
