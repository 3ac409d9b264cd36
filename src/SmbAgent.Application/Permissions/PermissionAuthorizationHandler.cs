using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using SmbAgent.Features;
using SmbAgent.Tenancy;

namespace SmbAgent.Permissions;

/// <summary>
/// Grants a permission when it is defined for the user's side (host or tenant), its required features
/// are on, and one of the user's roles holds it. Grants are read from the cached store, not the cookie,
/// so revoking takes effect at once.
/// </summary>
public sealed class PermissionAuthorizationHandler(IPermissionStore store, IFeatureChecker features, ICurrentTenant currentTenant)
    : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (await IsGrantedAsync(context.User, requirement.PermissionName))
        {
            context.Succeed(requirement);
        }
    }

    private async Task<bool> IsGrantedAsync(ClaimsPrincipal user, string permissionName)
    {
        var definition = SmbPermissionDefinitions.Find(permissionName);
        if (definition is null)
        {
            return false;
        }

        var side = user.FindFirst(TenantConsts.TenantIdClaimType) is null ? MultiTenancySides.Host : MultiTenancySides.Tenant;
        if (!definition.Side.HasFlag(side) || (side == MultiTenancySides.Tenant) != currentTenant.IsAvailable)
        {
            return false;
        }

        foreach (var feature in definition.RequiredFeatures)
        {
            if (!await features.IsEnabledAsync(feature))
            {
                return false;
            }
        }

        foreach (var role in user.FindAll(ClaimTypes.Role).Select(c => c.Value))
        {
            if ((await store.GetGrantedAsync(role)).Contains(permissionName))
            {
                return true;
            }
        }

        return false;
    }
}
