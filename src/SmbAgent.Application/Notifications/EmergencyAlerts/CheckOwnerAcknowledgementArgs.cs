namespace SmbAgent.Notifications.EmergencyAlerts;

/// <summary>The acknowledge timeout of one attempt: if it is still the current one, the next contact is rung.</summary>
public sealed record CheckOwnerAcknowledgementArgs(Guid AttemptId);
