using SmbAgent.Tenancy;

namespace SmbAgent.Analytics;

/// <summary>
/// A count of one day split by something that has more than a channel's few values: the hour of the week, the lead
/// question a visitor stopped at, a call's final status.
/// </summary>
public sealed class AnalyticsDailyBreakdown : IMultiTenant
{
    private AnalyticsDailyBreakdown()
    {
        Key = string.Empty;
    }

    public AnalyticsDailyBreakdown(Guid id, Guid tenantId, DateOnly day, AnalyticsDimension dimension, string key, int count)
    {
        Id = id;
        TenantId = tenantId;
        Day = day;
        Dimension = dimension;
        Key = key;
        Count = count;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    Guid? IMultiTenant.TenantId => TenantId;

    public DateOnly Day { get; private set; }

    public AnalyticsDimension Dimension { get; private set; }

    /// <summary>The hour of the week (0 = Sunday 00:00, in the business's time), a lead question's id, or a call status.</summary>
    public string Key { get; private set; }

    public int Count { get; set; }
}

public enum AnalyticsDimension
{
    /// <summary>Conversations started, by local hour of the week.</summary>
    HourOfWeek = 0,

    /// <summary>Conversations that left lead capture unfinished, by the question being asked.</summary>
    LeadQuestionDropOff = 1,

    /// <summary>Inbound calls by Twilio's final status.</summary>
    CallOutcome = 2,
}
