using System.Globalization;
using SmbAgent.Voice;

namespace SmbAgent.Web.Pages.Workspace.Calls;

/// <summary>How the call pages show a call's direction, status and length.</summary>
public static class CallDisplay
{
    public static (string Label, string Icon) Direction(CallDirection direction) => direction switch
    {
        CallDirection.OwnerAlert => ("Emergency call to you", "bi-telephone-outbound"),
        _ => ("Incoming", "bi-telephone-inbound"),
    };

    public static (string Label, string CssClass) Status(string status) => status switch
    {
        "completed" => ("Completed", "text-bg-success"),
        "in-progress" => ("In progress", "text-bg-primary"),
        "ringing" or "queued" => (status == "queued" ? "Queued" : "Ringing", "text-bg-info"),
        "busy" => ("Busy", "text-bg-warning"),
        "no-answer" => ("No answer", "text-bg-warning"),
        "failed" => ("Failed", "text-bg-danger"),
        "canceled" => ("Canceled", "text-bg-secondary"),
        _ => (status, "text-bg-light border"),
    };

    public static string Duration(int? seconds) => seconds is { } s
        ? TimeSpan.FromSeconds(s).ToString(s >= 3600 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture)
        : "—";
}
