using SmbAgent.Tenancy;

namespace SmbAgent.Auditing;

/// <summary>A security-relevant action: sign-ins, role and edition changes, impersonation. Append-only.</summary>
public sealed class AuditLogEntry : IMultiTenant
{
    private AuditLogEntry()
    {
        Action = string.Empty;
    }

    public AuditLogEntry(Guid id, Guid? tenantId, string action, string? details, DateTimeOffset time)
    {
        Id = id;
        TenantId = tenantId;
        Action = action;
        Details = details;
        Time = time;
    }

    public Guid Id { get; private set; }

    public Guid? TenantId { get; private set; }

    public string Action { get; private set; }

    public string? Details { get; private set; }

    public Guid? UserId { get; set; }

    public string? UserName { get; set; }

    /// <summary>Set when a platform admin acted while signed in as a tenant's user.</summary>
    public Guid? ImpersonatorUserId { get; set; }

    public string? IpAddress { get; set; }

    public DateTimeOffset Time { get; private set; }
}
