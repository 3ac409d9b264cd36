namespace SmbAgent.Auditing;

public interface IAuditLogger
{
    /// <summary>Records an action for the current tenant (or the host) with the current user, impersonator and IP.</summary>
    Task LogAsync(string action, string? details = null, CancellationToken cancellationToken = default);
}
