using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using SmbAgent.Conversations;
using SmbAgent.Leads;
using SmbAgent.Notifications;

namespace SmbAgent.Web.Pages.Workspace.Leads;

/// <summary>How leads, conversations and their messages are labelled on the follow-up pages.</summary>
public static class LeadDisplay
{
    public static (string Label, string CssClass) Priority(LeadPriority priority) => priority switch
    {
        LeadPriority.Urgent => ("URGENT", "text-bg-danger"),
        LeadPriority.High => ("HIGH", "text-bg-warning"),
        LeadPriority.Normal => ("NORMAL", "text-bg-secondary"),
        LeadPriority.Low => ("LOW", "text-bg-light border"),
        _ => (priority.ToString().ToUpperInvariant(), "text-bg-light border"),
    };

    public static (string Label, string CssClass) Status(LeadStatus status) => status switch
    {
        LeadStatus.New => ("New", "text-bg-primary"),
        LeadStatus.Contacted => ("Contacted", "text-bg-info"),
        LeadStatus.Qualified => ("Qualified", "text-bg-warning"),
        LeadStatus.Won => ("Won", "text-bg-success"),
        LeadStatus.Lost => ("Lost", "text-bg-dark"),
        _ => (status.ToString(), "text-bg-light border"),
    };

    public static (string Label, string Icon) Channel(ConversationChannel channel) => channel switch
    {
        ConversationChannel.Chat => ("Chat", "bi-chat-left-text"),
        ConversationChannel.Voice => ("Phone", "bi-telephone"),
        _ => (channel.ToString(), "bi-question-circle"),
    };

    public static (string Label, string CssClass) State(ConversationState state) => state switch
    {
        ConversationState.Open => ("Open", "text-bg-secondary"),
        ConversationState.LeadCapture => ("Taking details", "text-bg-info"),
        ConversationState.HandOff => ("Handed to a person", "text-bg-warning"),
        ConversationState.Completed => ("Details taken", "text-bg-success"),
        _ => (state.ToString(), "text-bg-light border"),
    };

    public static string Role(MessageRole role) => role switch
    {
        MessageRole.Visitor => "Visitor",
        MessageRole.Agent => "Agent",
        MessageRole.Owner => "Your team",
        _ => role.ToString(),
    };

    /// <summary>Where a message sits in a transcript: the visitor's on one side, the business's on the other.</summary>
    public static string MessageClass(MessageRole role) => role switch
    {
        MessageRole.Visitor => "bg-body-tertiary me-lg-5",
        MessageRole.Owner => "border-primary ms-lg-5",
        _ => "ms-lg-5",
    };

    public static (string Label, string CssClass) Delivery(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Pending => ("Pending", "text-bg-secondary"),
        DeliveryStatus.Sent => ("Sent", "text-bg-success"),
        DeliveryStatus.Failed => ("Failed", "text-bg-danger"),
        _ => (status.ToString(), "text-bg-light border"),
    };

    public static string Kind(NotificationKind kind) => kind switch
    {
        NotificationKind.NewLead => "New lead alert",
        NotificationKind.VisitorConfirmation => "Confirmation to the visitor",
        NotificationKind.HumanRequested => "Visitor asked for a person",
        _ => kind.ToString(),
    };

    public static string Time(DateTimeOffset time) => time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string MachineTime(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>A citation's link only when it is a web address: anything else is shown as text.</summary>
    public static Uri? WebLink(Uri? link) =>
        link is { IsAbsoluteUri: true } && (link.Scheme == Uri.UriSchemeHttp || link.Scheme == Uri.UriSchemeHttps) ? link : null;

    /// <summary>A fresh list each call: the select tag helper marks the chosen option on the items it is given.</summary>
    public static List<SelectListItem> StatusOptions() =>
        [.. Enum.GetValues<LeadStatus>().Select(s => new SelectListItem(Status(s).Label, s.ToString()))];
}
