namespace SmbAgent.Data;

/// <summary>What a seed run is for: the host (<c>TenantId == null</c>) or one tenant, plus free-form properties.</summary>
public sealed record DataSeedContext(Guid? TenantId)
{
    public IReadOnlyDictionary<string, string?> Properties { get; init; } = new Dictionary<string, string?>();

    public string? this[string key] => Properties.TryGetValue(key, out var value) ? value : null;
}
