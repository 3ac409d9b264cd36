namespace SmbAgent.Privacy;

/// <summary>Runs for the host (no tenant): it applies every business's retention, each in its own tenant scope.</summary>
public sealed record ApplyRetentionArgs;
