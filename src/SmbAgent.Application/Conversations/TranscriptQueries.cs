using Microsoft.EntityFrameworkCore;
using SmbAgent.Leads;

namespace SmbAgent.Conversations;

/// <summary>A conversation's messages as the follow-up pages show them (a lead's page and the conversation's own).</summary>
internal static class TranscriptQueries
{
    /// <summary>In order, times in <paramref name="zone"/>.</summary>
    public static async Task<List<TranscriptMessageDto>> TranscriptAsync(this IQueryable<ConversationMessage> messages, Guid conversationId, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var found = await messages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId)
            .OrderBy(m => m.Sequence)
            .Select(m => new TranscriptMessageDto(m.Sequence, m.Role, m.Text, m.Citations, m.CreationTime))
            .ToListAsync(cancellationToken);
        return found.ConvertAll(m => m with { CreationTime = BusinessTime.Local(m.CreationTime, zone) });
    }
}
