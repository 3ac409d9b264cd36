namespace SmbAgent.Privacy;

/// <summary>Runs for the host (no tenant): it purges every business whose deletion is due.</summary>
public sealed record PurgeDeletedTenantsArgs;
