using Microsoft.AspNetCore.Identity;
using SmbAgent.Data;
using SmbAgent.Permissions;

namespace SmbAgent.Identity;

/// <summary>Host: the admin role. Tenant: owner and staff. Each with its stereotype grants; missing grants are added.</summary>
public sealed class RoleDataSeedContributor(RoleManager<AppRole> roles, PermissionManager permissions) : IDataSeedContributor
{
    public async Task SeedAsync(DataSeedContext context, CancellationToken cancellationToken)
    {
        var isHost = context.TenantId is null;
        string[] names = isHost ? [SmbRoles.HostAdmin] : [SmbRoles.Owner, SmbRoles.Staff];
        foreach (var name in names)
        {
            var role = await roles.FindByNameAsync(name);
            if (role is null)
            {
                role = new AppRole(Guid.CreateVersion7(), context.TenantId, name);
                var result = await roles.CreateAsync(role);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
                }
            }

            await permissions.GrantAsync(role, SmbPermissionDefinitions.DefaultGrants(name, isHost), cancellationToken);
        }
    }
}
