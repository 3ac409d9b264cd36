using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using SmbAgent.Data;
using SmbAgent.Tenancy;

namespace SmbAgent.Auditing;

/// <summary>Writes audit entries in their own save, so a refused or failed request is still recorded.</summary>
public sealed class AuditLogger(
    ISmbAgentDbContext db,
    ICurrentTenant currentTenant,
    IHttpContextAccessor httpContextAccessor,
    TimeProvider clock) : IAuditLogger
{
    /// <summary>Carried by a platform admin's session while they act as a tenant's user.</summary>
    public const string ImpersonatorClaimType = "impersonator_id";

    public async Task LogAsync(string action, string? details = null, CancellationToken cancellationToken = default)
    {
        var httpContext = httpContextAccessor.HttpContext;
        var user = httpContext?.User;
        var entry = new AuditLogEntry(Guid.CreateVersion7(), currentTenant.Id, action, Truncate(details), clock.GetUtcNow())
        {
            UserId = Guid.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier), out var userId) ? userId : null,
            UserName = user?.Identity?.Name,
            ImpersonatorUserId = Guid.TryParse(user?.FindFirstValue(ImpersonatorClaimType), out var impersonator) ? impersonator : null,
            IpAddress = httpContext?.Connection.RemoteIpAddress?.ToString(),
        };
        db.AuditLogEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string? Truncate(string? details) => details is { Length: > 2000 } ? details[..2000] : details;
}
