using Microsoft.EntityFrameworkCore;
using SmbAgent.Data;
using SmbAgent.HostAdmin;
using SmbAgent.Leads;

namespace SmbAgent.Conversations;

/// <summary>
/// The current tenant's conversations, newest activity first, and their transcripts with the notifications about them
/// (a visitor asking for a person; a lead's are on the lead). Authorization is on the pages.
/// A widget that was opened and never written in is not listed: it is a page view, not a conversation.
/// </summary>
public sealed class ConversationAppService(ISmbAgentDbContext db)
{
    public const int PreviewLength = 140;

    public async Task<ConversationListDto> GetListAsync(ConversationListInput input, CancellationToken cancellationToken = default)
    {
        var zone = await BusinessTime.ZoneAsync(db, cancellationToken);
        var page = Math.Max(1, input.Page);
        var written = db.Conversations.Where(c => db.ConversationMessages.Any(m => m.ConversationId == c.Id && m.Role == MessageRole.Visitor));
        var waiting = await db.Conversations.CountAsync(c => c.HumanRequestedTime != null, cancellationToken);
        var listed = input.WaitingOnly ? written.Where(c => c.HumanRequestedTime != null) : written;
        var total = await listed.CountAsync(cancellationToken);
        var onPage = listed
            .OrderByDescending(c => c.LastActivityTime).ThenByDescending(c => c.Id)
            .Skip((page - 1) * ConversationListInput.PageSize).Take(ConversationListInput.PageSize);

        // The page's rows are chosen in order above; the join below does not promise to keep it.
        var items = (await Summaries(onPage).ToListAsync(cancellationToken))
            .OrderByDescending(c => c.LastActivityTime).ThenByDescending(c => c.Id)
            .Select(c => InZone(c, zone))
            .ToList();
        return new ConversationListDto(
            new PagedResult<ConversationDto>(items, total, page, ConversationListInput.PageSize),
            zone.Id,
            waiting);
    }

    public async Task<ConversationDetailsDto> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var zone = await BusinessTime.ZoneAsync(db, cancellationToken);
        var conversation = await Summaries(db.Conversations.Where(c => c.Id == id)).FirstOrDefaultAsync(cancellationToken)
                           ?? throw new EntityNotFoundException(nameof(Conversation), id);
        var transcript = await db.ConversationMessages.TranscriptAsync(id, zone, cancellationToken);
        var deliveries = await db.NotificationDeliveries.Where(d => d.ConversationId == id).ToDtosAsync(zone, cancellationToken);
        return new ConversationDetailsDto(
            InZone(conversation, zone),
            transcript,
            deliveries,
            zone.Id);
    }

    private IQueryable<ConversationDto> Summaries(IQueryable<Conversation> conversations) =>
        from c in conversations.AsNoTracking()
        join l in db.Leads.AsNoTracking() on c.LeadId equals l.Id into leads
        from l in leads.DefaultIfEmpty()
        select new ConversationDto(
            c.Id,
            c.Channel,
            c.State,
            c.Language,
            c.Priority,
            c.IsEmergency,
            db.ConversationMessages.Count(m => m.ConversationId == c.Id),
            db.ConversationMessages
                .Where(m => m.ConversationId == c.Id && m.Role == MessageRole.Visitor)
                .OrderBy(m => m.Sequence)
                .Select(m => m.Text.Substring(0, PreviewLength))
                .FirstOrDefault(),
            c.LeadId,
            l == null ? null : l.ContactName,
            c.CreationTime,
            c.LastActivityTime,
            c.HumanRequestedTime != null);

    private static ConversationDto InZone(ConversationDto c, TimeZoneInfo zone) =>
        c with { CreationTime = BusinessTime.Local(c.CreationTime, zone), LastActivityTime = BusinessTime.Local(c.LastActivityTime, zone) };
}
