namespace SmbAgent.Tenancy;

/// <summary>
/// An entity that belongs to a tenant. <c>null</c> means the row belongs to the host.
/// Entities that can only ever belong to a tenant map a non-nullable <c>TenantId</c> column
/// and implement this member explicitly.
/// </summary>
public interface IMultiTenant
{
    Guid? TenantId { get; }
}
