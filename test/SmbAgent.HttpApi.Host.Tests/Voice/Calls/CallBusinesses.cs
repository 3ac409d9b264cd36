using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Data;
using SmbAgent.KnowledgeBase;
using SmbAgent.KnowledgeBase.Ingestion;
using SmbAgent.TestKit;
using SmbAgent.TestKit.Twilio;
using SmbAgent.Workspace;

namespace SmbAgent.HttpApi.Tests.Voice.Calls;

/// <param name="Number">The business's own Twilio number, on its own account.</param>
public sealed record CallBusiness(Guid TenantId, string Number, string AccountSid, string AuthToken, string? ForwardTo);

/// <summary>A business with its own Twilio line, open around the clock (no test depends on the hour), and an indexed FAQ.</summary>
public static class CallBusinesses
{
    public static async Task<CallBusiness> CreateAsync(
        VoiceApiFixture fixture, string edition = "PRO", string? name = null, string? forwardTo = "+14155550111", Action<AgentSettings>? agent = null)
    {
        var services = fixture.Api.Factory.Services;
        var owner = await fixture.Api.CreateTenantAsync(edition, name);
        var faq = await services.InTenantAsync(owner.TenantId, async sp =>
        {
            var db = sp.GetRequiredService<ISmbAgentDbContext>();
            var profile = await db.BusinessProfiles.FirstAsync();
            profile.Hours = [.. Enum.GetValues<DayOfWeek>().Select(day => new BusinessHours(day, true, TimeOnly.MinValue, TimeOnly.MaxValue))];
            agent?.Invoke(await db.AgentSettings.FirstAsync());
            await db.SaveChangesAsync();
            return await sp.GetRequiredService<KnowledgeSourceAppService>().CreateFaqAsync(new CreateFaqSourceDto
            {
                Title = "Plumbing FAQ",
                Language = "en",
                Text = """
                       Q: What are your opening hours?
                       A: We are open Monday to Friday from 8 am to 6 pm, and Saturdays from 9 am to 1 pm.
                       """,
            });
        });
        await services.RunJobAsync(owner.TenantId, new IngestKnowledgeSourceArgs(faq.Id));
        var accountSid = TwilioSigner.NewSid("AC");
        var authToken = Guid.NewGuid().ToString("N");
        var number = TestPhoneLines.NewNumber();
        await TestPhoneLines.AddAsync(services, owner.TenantId, number, accountSid, authToken, forwardTo);
        return new CallBusiness(owner.TenantId, number, accountSid, authToken, forwardTo);
    }
}
