using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.Data;
using SmbAgent.Notifications;

namespace SmbAgent.Web.Pages.Workspace.Leads;

/// <summary>The <c>Retry</c> handler's work for the pages that show a <see cref="DeliveryTable"/>; each page checks the permission first.</summary>
internal static class DeliveryRetry
{
    public static async Task<IActionResult> PostAsync(PageModel page, NotificationDeliveryAppService deliveries, Guid deliveryId, Guid pageId, CancellationToken cancellationToken)
    {
        try
        {
            page.TempData["Success"] = await deliveries.RetryAsync(deliveryId, cancellationToken)
                ? "The notification is queued to be sent again."
                : "That notification is already sent or queued.";
        }
        catch (EntityNotFoundException)
        {
            return page.NotFound();
        }

        return page.RedirectToPage(new { id = pageId });
    }
}
