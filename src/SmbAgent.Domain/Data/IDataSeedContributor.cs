namespace SmbAgent.Data;

/// <summary>Idempotent seed step; runs inside <c>CurrentTenant.Change(context.TenantId)</c>.</summary>
public interface IDataSeedContributor
{
    Task SeedAsync(DataSeedContext context, CancellationToken cancellationToken);
}
