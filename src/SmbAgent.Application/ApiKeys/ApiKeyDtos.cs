namespace SmbAgent.ApiKeys;

public sealed record CreateApiKeyDto
{
    public string? Name { get; init; }

    public ApiKeyScope Scope { get; init; }
}

/// <summary>A key as the list shows it: never its secret. Times are UTC.</summary>
public sealed record ApiKeyDto(
    Guid Id,
    string Name,
    string Prefix,
    ApiKeyScope Scope,
    string? CreatorName,
    DateTimeOffset CreationTime,
    DateTimeOffset? LastUsedTime,
    DateTimeOffset? RevokedTime);

/// <param name="Key">The whole key, to show once: only its hash is kept.</param>
public sealed record CreatedApiKeyDto(ApiKeyDto ApiKey, string Key);

/// <summary>Who is calling the REST API: the key that was presented and found valid.</summary>
public sealed record ApiKeyIdentity(Guid Id, Guid TenantId, string Name, ApiKeyScope Scope);
