using SmbAgent.Notifications;
using SmbAgent.Notifications.EmergencyAlerts;

namespace SmbAgent.Web.Pages.Workspace.Leads;

/// <param name="CanAcknowledge">The viewer may update leads: they see the Acknowledge button while the ladder rings.</param>
public sealed record EmergencyAlertPanel(EmergencyAlertDto Alert, bool CanAcknowledge)
{
    public bool ShowsAcknowledge => CanAcknowledge && Alert.State == EmergencyAlertState.Calling;

    public (string Label, string CssClass) State => Alert.State switch
    {
        EmergencyAlertState.Calling => ("Calling the owner", "text-bg-danger"),
        EmergencyAlertState.Acknowledged => ("Acknowledged", "text-bg-success"),
        EmergencyAlertState.Exhausted => ("Nobody answered", "text-bg-warning"),
        EmergencyAlertState.NotCalled => ("Not called", "text-bg-secondary"),
        _ => (Alert.State.ToString(), "text-bg-light border"),
    };

    public static string Channel(string? channel) => channel switch
    {
        "call" => "by pressing 1 on the call",
        "connect" => "by pressing 2 and talking to the visitor",
        "admin" => "in the admin",
        null => string.Empty,
        _ => "by " + channel,
    };
}
