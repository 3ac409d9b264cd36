namespace SmbAgent.BackgroundJobs.StalledWork;

/// <summary>Runs for the host (no tenant): it looks at every business's waiting work.</summary>
public sealed record SweepStalledWorkArgs;
