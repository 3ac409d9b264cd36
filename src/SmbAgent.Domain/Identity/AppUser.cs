using Microsoft.AspNetCore.Identity;
using SmbAgent.Data;
using SmbAgent.Tenancy;

namespace SmbAgent.Identity;

/// <summary>A person who signs in to the admin. Tenant users carry their tenant; host admins have none.</summary>
public sealed class AppUser : IdentityUser<Guid>, IMultiTenant, IHasCreationTime
{
    public AppUser()
    {
    }

    public AppUser(Guid id, Guid? tenantId, string userName, string email)
        : base(userName)
    {
        Id = id;
        TenantId = tenantId;
        Email = email;
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    public Guid? TenantId { get; set; }

    public string? DisplayName { get; set; }

    public DateTimeOffset CreationTime { get; set; }
}
