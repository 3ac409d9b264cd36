namespace SmbAgent.Features;

/// <summary>Feature values of the current tenant: tenant override → edition value → default.</summary>
public interface IFeatureChecker
{
    Task<string> GetAsync(string name, CancellationToken cancellationToken = default);

    Task<bool> IsEnabledAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>A count limit; 0 means unlimited.</summary>
    Task<long> GetLimitAsync(string name, CancellationToken cancellationToken = default);
}
