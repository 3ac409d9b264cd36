namespace SmbAgent.Permissions;

public interface IPermissionStore
{
    /// <summary>The permissions granted to a role of the current tenant (or of the host).</summary>
    Task<IReadOnlySet<string>> GetGrantedAsync(string roleName, CancellationToken cancellationToken = default);
}
