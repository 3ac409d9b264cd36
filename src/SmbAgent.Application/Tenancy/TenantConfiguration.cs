namespace SmbAgent.Tenancy;

/// <summary>The cached view of a tenant that resolution and the feature checker need.</summary>
public sealed record TenantConfiguration(Guid Id, string Name, Guid EditionId, bool IsActive);
