namespace SmbAgent.Notifications.EmergencyAlerts;

/// <summary>How the owner call of an urgent lead escalates down the business's phone contacts.</summary>
public sealed class EmergencyAlertOptions
{
    public const string SectionName = "EmergencyAlerts";

    /// <summary>How long a contact has, from the moment their phone is rung, to press 1 before the next contact is rung.</summary>
    public TimeSpan AcknowledgeTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How many times the whole list is rung before the alert is given up as exhausted.</summary>
    public int Rounds { get; set; } = 2;

    /// <summary>How long Twilio lets a contact's phone ring before it reports no-answer.</summary>
    public TimeSpan RingTimeout { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>How long the links in an alert call's TwiML stay valid: long after the call, never for good.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromDays(1);
}
