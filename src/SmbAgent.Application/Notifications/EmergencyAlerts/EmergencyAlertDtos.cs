namespace SmbAgent.Notifications.EmergencyAlerts;

/// <param name="Round">The round being rung while Calling; the last one rung otherwise.</param>
public sealed record EmergencyAlertDto(
    Guid Id,
    EmergencyAlertState State,
    int Round,
    string? AcknowledgedBy,
    string? AcknowledgedChannel,
    DateTimeOffset? AcknowledgedTime,
    IReadOnlyList<EmergencyAlertAttemptDto> Attempts);

/// <param name="ContactName">The contact's name as the business lists it now, when the number is still theirs.</param>
public sealed record EmergencyAlertAttemptDto(
    DateTimeOffset Time,
    int Round,
    string Recipient,
    string? ContactName,
    string Status,
    string? Error,
    DateTimeOffset? AnsweredTime);
