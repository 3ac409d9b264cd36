namespace SmbAgent.Features;

/// <summary>
/// A value set for one feature by one provider (ABP's <c>AbpFeatureValues</c> shape):
/// <see cref="FeatureValueProviders.Edition"/> keyed by edition id, or
/// <see cref="FeatureValueProviders.Tenant"/> keyed by tenant id (a per-tenant override). Host data.
/// </summary>
public sealed class FeatureValue
{
    private FeatureValue()
    {
        Name = string.Empty;
        Value = string.Empty;
        ProviderName = string.Empty;
    }

    public FeatureValue(Guid id, string name, string value, string providerName, Guid providerKey)
    {
        Id = id;
        Name = name;
        Value = value;
        ProviderName = providerName;
        ProviderKey = providerKey;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public string Value { get; set; }

    public string ProviderName { get; private set; }

    public Guid ProviderKey { get; private set; }
}
