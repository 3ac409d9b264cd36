using Microsoft.AspNetCore.Http;

namespace SmbAgent.Tenancy;

/// <summary>What resolution found so far. The first contributor that calls <see cref="Resolve"/> wins.</summary>
public sealed class TenantResolveContext(HttpContext httpContext)
{
    public HttpContext HttpContext { get; } = httpContext;

    public bool Handled { get; private set; }

    /// <summary>The resolved tenant; <c>null</c> when handled means the host.</summary>
    public Guid? TenantId { get; private set; }

    public string? ResolvedBy { get; private set; }

    public void Resolve(Guid? tenantId, string resolvedBy)
    {
        Handled = true;
        TenantId = tenantId;
        ResolvedBy = resolvedBy;
    }
}
