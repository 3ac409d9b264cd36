namespace SmbAgent.Notifications.EmergencyAlerts;

/// <summary>Ring the contact at <paramref name="ContactIndex"/> of round <paramref name="Round"/>, if the alert still points there.</summary>
public sealed record RingOwnerContactArgs(Guid AlertId, int Round, int ContactIndex);
