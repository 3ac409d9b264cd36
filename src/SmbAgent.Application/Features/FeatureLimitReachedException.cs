namespace SmbAgent.Features;

/// <summary>The current tenant reached a count limit of its plan; becomes 403 naming the editions with more.</summary>
public sealed class FeatureLimitReachedException(string featureName, long limit)
    : Exception($"Your plan allows {limit} for '{featureName}'.")
{
    public string FeatureName { get; } = featureName;

    public long Limit { get; } = limit;
}
