using Microsoft.AspNetCore.Authorization;

namespace SmbAgent.Permissions;

public sealed record PermissionRequirement(string PermissionName) : IAuthorizationRequirement;
