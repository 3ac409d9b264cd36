using Microsoft.AspNetCore.Identity;
using SmbAgent.Tenancy;

namespace SmbAgent.Identity;

/// <summary>A role within one tenant (or on the host side when <see cref="TenantId"/> is null). Names are unique per tenant.</summary>
public sealed class AppRole : IdentityRole<Guid>, IMultiTenant
{
    public AppRole()
    {
    }

    public AppRole(Guid id, Guid? tenantId, string name)
        : base(name)
    {
        Id = id;
        TenantId = tenantId;
    }

    public Guid? TenantId { get; set; }
}
