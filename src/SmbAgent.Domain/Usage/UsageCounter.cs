using SmbAgent.Tenancy;

namespace SmbAgent.Usage;

/// <summary>How much of a metered feature a tenant used in one period. Incremented atomically in SQL only.</summary>
public sealed class UsageCounter : IMultiTenant
{
    private UsageCounter()
    {
        Metric = string.Empty;
    }

    public Guid TenantId { get; private set; }

    Guid? IMultiTenant.TenantId => TenantId;

    public string Metric { get; private set; }

    /// <summary>First day of the month, UTC.</summary>
    public DateOnly PeriodStart { get; private set; }

    public long Count { get; private set; }
}
