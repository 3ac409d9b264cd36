using SmbAgent.Conversations;
using SmbAgent.Tenancy;

namespace SmbAgent.Analytics;

/// <summary>
/// One business's counts for one day of its own calendar (its time zone) and one channel, kept by the roll-up job so
/// the analytics page sums a few hundred rows instead of scanning a year of messages.
/// </summary>
public sealed class AnalyticsDailyRollup : IMultiTenant
{
    private AnalyticsDailyRollup()
    {
    }

    public AnalyticsDailyRollup(Guid id, Guid tenantId, DateOnly day, ConversationChannel channel)
    {
        Id = id;
        TenantId = tenantId;
        Day = day;
        Channel = channel;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    Guid? IMultiTenant.TenantId => TenantId;

    public DateOnly Day { get; private set; }

    public ConversationChannel Channel { get; private set; }

    /// <summary>Conversations in which the visitor or caller said something (the ones counted against the quota).</summary>
    public int Conversations { get; set; }

    public int Leads { get; set; }

    /// <summary>Leads raised to High or Urgent by emergency detection.</summary>
    public int Emergencies { get; set; }

    /// <summary>Agent turns answered from the business's knowledge.</summary>
    public int AnsweredTurns { get; set; }

    /// <summary>Agent turns where the knowledge had no answer.</summary>
    public int NotFoundTurns { get; set; }

    /// <summary>Inbound calls (voice only).</summary>
    public int Calls { get; set; }

    public int CallSeconds { get; set; }

    public DateTimeOffset ComputedTime { get; set; }
}
