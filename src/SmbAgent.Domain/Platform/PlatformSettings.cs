namespace SmbAgent.Platform;

/// <summary>Switches the platform admin controls for every tenant. Host data, a single row.</summary>
public sealed class PlatformSettings
{
    public static readonly Guid SingletonId = new("00000000-0000-0000-0000-000000000001");

    public Guid Id { get; private set; } = SingletonId;

    /// <summary>Owners may change their plan themselves (billing is out of scope).</summary>
    public bool AllowSelfServicePlanChange { get; set; } = true;
}
