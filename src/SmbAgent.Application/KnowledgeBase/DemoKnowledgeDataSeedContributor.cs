using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmbAgent.Data;
using SmbAgent.Tenancy;

namespace SmbAgent.KnowledgeBase;

/// <summary>
/// The demo business's FAQ, so the run command's chat answers from a knowledge base out of the box (README's
/// "Chat API" example asks it). Added through the app service like an owner's, so the API host's job server indexes
/// it with the configured model once it starts. Only for the demo tenant, only while it has no sources.
/// </summary>
public sealed class DemoKnowledgeDataSeedContributor(
    ISmbAgentDbContext db,
    ITenantStore tenants,
    KnowledgeSourceAppService sources,
    IOptions<SeedOptions> options) : IDataSeedContributor
{
    public const string Title = "Demo Plumbing FAQ";

    private const string Faq = """
        Q: When are you open?
        A: We are open Monday to Friday from 8 am to 6 pm and on Saturdays from 9 am to 1 pm. We are closed on Sundays and public holidays, but our emergency line answers around the clock.
        Q: Do you handle emergencies at night or at the weekend?
        A: Yes. For a burst pipe, a flood or a gas smell, tell us in the chat or call us: an engineer is on call 24 hours a day, every day of the year.
        Q: Which areas do you cover?
        A: We work within 25 miles of the town centre, including all the surrounding villages. Further out, ask us and we will see what we can do.
        Q: How much does a call-out cost?
        A: A standard call-out is 85 dollars, which includes the first hour of work. Emergency call-outs outside opening hours are 150 dollars.
        Q: Do you install and service water heaters and boilers?
        A: Yes. We install, repair and service gas and electric water heaters and boilers of every major brand, and new installations come with a five year warranty.
        Q: Can you unblock drains and toilets?
        A: Yes, we clear blocked drains, sinks and toilets, usually on the same day, and we can inspect drains with a camera.
        Q: How do I pay?
        A: We accept cards, bank transfer and cash. We give a written quote before any job over 300 dollars.
        """;

    public async Task SeedAsync(DataSeedContext context, CancellationToken cancellationToken)
    {
        var demo = options.Value.DemoTenant;
        if (context.TenantId is not { } tenantId || !demo.Enabled
            || await tenants.FindAsync(tenantId, cancellationToken) is not { } tenant
            || Tenant.NormalizeName(tenant.Name) != Tenant.NormalizeName(demo.Name)
            || await db.KnowledgeSources.AnyAsync(cancellationToken))
        {
            return;
        }

        await sources.CreateFaqAsync(new CreateFaqSourceDto { Title = Title, Text = Faq }, cancellationToken);
    }
}
