using Microsoft.EntityFrameworkCore;
using SmbAgent.Notifications;

namespace SmbAgent.Leads;

/// <summary>The notifications about a lead or a conversation as the follow-up pages list them.</summary>
internal static class NotificationDeliveryQueries
{
    /// <summary>Oldest first, times in <paramref name="zone"/>.</summary>
    public static async Task<List<NotificationDeliveryDto>> ToDtosAsync(this IQueryable<NotificationDelivery> deliveries, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var found = await deliveries.AsNoTracking()
            .OrderBy(d => d.CreationTime).ThenBy(d => d.Id)
            .Select(d => new NotificationDeliveryDto(d.Id, d.Kind, d.Channel, d.Recipient, d.Status, d.Attempts, d.LastError, d.CreationTime, d.SentTime))
            .ToListAsync(cancellationToken);
        return found.ConvertAll(d => d with { CreationTime = BusinessTime.Local(d.CreationTime, zone), SentTime = BusinessTime.Local(d.SentTime, zone) });
    }
}
