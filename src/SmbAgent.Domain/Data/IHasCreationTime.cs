namespace SmbAgent.Data;

/// <summary>Filled on insert by the auditing interceptor from the injected <see cref="TimeProvider"/>.</summary>
public interface IHasCreationTime
{
    DateTimeOffset CreationTime { get; set; }
}
