namespace SmbAgent.Privacy;

/// <summary>Deletes every row of one business, then the business itself; the host's audit log keeps that it happened.</summary>
public interface ITenantDataPurger
{
    Task PurgeAsync(Guid tenantId, CancellationToken cancellationToken = default);
}
