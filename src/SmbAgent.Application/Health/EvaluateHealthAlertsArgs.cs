namespace SmbAgent.Health;

/// <summary>Runs for the host (no tenant): thresholds and incidents are platform data.</summary>
public sealed record EvaluateHealthAlertsArgs;
