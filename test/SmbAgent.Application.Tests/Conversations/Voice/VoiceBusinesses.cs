using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Data;
using SmbAgent.KnowledgeBase;
using SmbAgent.KnowledgeBase.Ingestion;
using SmbAgent.Leads;
using SmbAgent.TestKit;
using SmbAgent.Voice;
using SmbAgent.Workspace;

namespace SmbAgent.Application.Tests.Conversations.Voice;

/// <param name="Number">The business's Twilio number (the called number of its calls).</param>
public sealed record VoiceBusiness(Guid TenantId, string Number, string? ForwardTo);

/// <summary>A business with a phone line, open around the clock (so no test depends on the hour), and an indexed FAQ.</summary>
public static class VoiceBusinesses
{
    public const string Caller = "+14155550199";

    public static async Task<VoiceBusiness> CreateAsync(
        IServiceProvider services,
        string edition = "PRO",
        string? name = null,
        string? forwardTo = "+14155550111",
        bool lineActive = true,
        Action<AgentSettings>? agent = null,
        Action<List<LeadQuestion>>? questions = null)
    {
        var owner = await TestTenants.CreateAsync(services, name, edition);
        var number = $"+1628{Random.Shared.Next(1_000_000, 9_999_999)}";
        var faq = await services.InTenantAsync(owner.TenantId, async sp =>
        {
            var db = sp.GetRequiredService<ISmbAgentDbContext>();
            var profile = await db.BusinessProfiles.FirstAsync();
            profile.Phone = "+1 415 555 0100";
            profile.Hours = [.. Enum.GetValues<DayOfWeek>().Select(day => new BusinessHours(day, true, TimeOnly.MinValue, TimeOnly.MaxValue))];
            agent?.Invoke(await db.AgentSettings.FirstAsync());
            questions?.Invoke(await db.LeadQuestions.OrderBy(q => q.Position).ToListAsync());
            db.PhoneLines.Add(new PhoneLine(Guid.CreateVersion7(), owner.TenantId, number, "AC" + new string('1', 32), "protected")
            {
                ForwardTo = forwardTo,
                SayVoice = "Polly.Joanna",
                IsActive = lineActive,
            });
            await db.SaveChangesAsync();
            return await sp.GetRequiredService<KnowledgeSourceAppService>().CreateFaqAsync(new CreateFaqSourceDto
            {
                Title = "Plumbing FAQ",
                Language = "en",
                Text = """
                       Q: What are your opening hours?
                       A: We are open Monday to Friday from 8 am to 6 pm, and Saturdays from 9 am to 1 pm.
                       Q: Do you install water heaters?
                       A: Yes, gas and electric water heaters, with a five year warranty.
                       """,
            });
        });
        await services.RunJobAsync(owner.TenantId, new IngestKnowledgeSourceArgs(faq.Id));
        return new VoiceBusiness(owner.TenantId, number, forwardTo);
    }
}
