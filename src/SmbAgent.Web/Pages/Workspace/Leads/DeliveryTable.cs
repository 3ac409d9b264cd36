using SmbAgent.Leads;

namespace SmbAgent.Web.Pages.Workspace.Leads;

/// <summary>
/// The notifications table shared by the lead and conversation pages. With <paramref name="CanRetry"/> a failed row has
/// a button posting to the page's <c>Retry</c> handler.
/// </summary>
public sealed record DeliveryTable(string Id, IReadOnlyList<NotificationDeliveryDto> Deliveries, bool CanRetry);
