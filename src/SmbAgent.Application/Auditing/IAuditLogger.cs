namespace SmbAgent.Auditing;

public interface IAuditLogger
{
    /// <summary>
    /// Records an action for the current tenant (or the host) with the current user, impersonator and IP.
    /// The user is <c>HttpContext.User</c> at the time of the call: after a sign-in in the same request,
    /// set it to the new principal first if the entry should name the new user.
    /// </summary>
    Task LogAsync(string action, string? details = null, CancellationToken cancellationToken = default);
}
