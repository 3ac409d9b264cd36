namespace SmbAgent.Features;

/// <summary>The current tenant's plan does not include the feature; becomes 403 naming the editions that do.</summary>
public sealed class FeatureNotEnabledException(string featureName)
    : Exception($"The feature '{featureName}' is not part of your plan.")
{
    public string FeatureName { get; } = featureName;
}
