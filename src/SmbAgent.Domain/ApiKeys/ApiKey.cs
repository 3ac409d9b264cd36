using SmbAgent.Data;
using SmbAgent.Tenancy;

namespace SmbAgent.ApiKeys;

/// <summary>
/// A business's key to the REST API. Only the SHA-256 hash of the whole key is kept: the key itself is shown once, when
/// it is made. The prefix is the key's public part, shown in the list and used to find the key on a request.
/// </summary>
public sealed class ApiKey : IMultiTenant, IHasCreationTime
{
    public const int MaxNameLength = 100;

    public const int MaxCreatorNameLength = 256;

    /// <summary>SHA-256.</summary>
    public const int HashLength = 32;

    private ApiKey()
    {
        Name = string.Empty;
        Prefix = string.Empty;
        SecretHash = [];
    }

    public ApiKey(Guid id, Guid tenantId, string name, string prefix, byte[] secretHash, ApiKeyScope scope)
    {
        Id = id;
        TenantId = tenantId;
        Name = name;
        Prefix = prefix;
        SecretHash = secretHash;
        Scope = scope;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    Guid? IMultiTenant.TenantId => TenantId;

    public string Name { get; private set; }

    /// <summary>Unique across businesses: a request's key is found by it before the business is known.</summary>
    public string Prefix { get; private set; }

    public byte[] SecretHash { get; private set; }

    public ApiKeyScope Scope { get; private set; }

    public Guid? CreatorId { get; set; }

    /// <summary>As the creator was named then, so the list still says who made a key after they left the team.</summary>
    public string? CreatorName { get; set; }

    public DateTimeOffset CreationTime { get; set; }

    public DateTimeOffset? LastUsedTime { get; set; }

    public DateTimeOffset? RevokedTime { get; private set; }

    public bool IsRevoked => RevokedTime is not null;

    public void Revoke(DateTimeOffset now) => RevokedTime ??= now;
}
