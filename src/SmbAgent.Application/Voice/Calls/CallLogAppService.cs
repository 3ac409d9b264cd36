using Microsoft.EntityFrameworkCore;
using SmbAgent.Conversations;
using SmbAgent.Data;
using SmbAgent.HostAdmin;
using SmbAgent.Leads;

namespace SmbAgent.Voice.Calls;

/// <summary>The current business's calls, newest first, and one call with what was said. Authorization is on the pages.</summary>
public sealed class CallLogAppService(ISmbAgentDbContext db)
{
    public async Task<CallLogListDto> GetListAsync(CallLogListInput input, CancellationToken cancellationToken = default)
    {
        var zone = await BusinessTime.ZoneAsync(db, cancellationToken);
        var page = Math.Max(1, input.Page);
        var calls = db.CallLogs.AsNoTracking();
        if (input.Direction is { } direction)
        {
            calls = calls.Where(c => c.Direction == direction);
        }

        if (!string.IsNullOrEmpty(input.Status))
        {
            calls = calls.Where(c => c.Status == input.Status);
        }

        var total = await calls.CountAsync(cancellationToken);
        var onPage = calls
            .OrderByDescending(c => c.CreationTime).ThenByDescending(c => c.Id)
            .Skip((page - 1) * CallLogListInput.PageSize).Take(CallLogListInput.PageSize);

        // The page's rows are chosen in order above; the join below does not promise to keep it.
        var items = (await Summaries(onPage).ToListAsync(cancellationToken))
            .OrderByDescending(c => c.CreationTime).ThenByDescending(c => c.Id)
            .Select(c => InZone(c, zone))
            .ToList();
        return new CallLogListDto(new PagedResult<CallLogDto>(items, total, page, CallLogListInput.PageSize), zone.Id);
    }

    public async Task<CallLogDetailsDto> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var zone = await BusinessTime.ZoneAsync(db, cancellationToken);
        var call = await Summaries(db.CallLogs.Where(c => c.Id == id)).FirstOrDefaultAsync(cancellationToken)
                   ?? throw new EntityNotFoundException(nameof(CallLog), id);
        var voicemail = await db.CallLogs.Where(c => c.Id == id).Select(c => c.Transcript).FirstAsync(cancellationToken);
        var transcript = call.ConversationId is { } conversationId
            ? await db.ConversationMessages.TranscriptAsync(conversationId, zone, cancellationToken)
            : [];
        return new CallLogDetailsDto(InZone(call, zone), voicemail, transcript, zone.Id);
    }

    /// <summary>The call a lead came from, for the lead page's link; the newest if there were several.</summary>
    public Task<Guid?> FindByLeadAsync(Guid leadId, CancellationToken cancellationToken = default) =>
        Newest(db.CallLogs.Where(c => c.LeadId == leadId && c.Direction == CallDirection.Inbound), cancellationToken);

    public Task<Guid?> FindByConversationAsync(Guid conversationId, CancellationToken cancellationToken = default) =>
        Newest(db.CallLogs.Where(c => c.ConversationId == conversationId), cancellationToken);

    private static Task<Guid?> Newest(IQueryable<CallLog> calls, CancellationToken cancellationToken) =>
        calls.OrderByDescending(c => c.CreationTime).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);

    private IQueryable<CallLogDto> Summaries(IQueryable<CallLog> calls) =>
        from c in calls.AsNoTracking()
        join l in db.Leads.AsNoTracking() on c.LeadId equals l.Id into leads
        from l in leads.DefaultIfEmpty()
        select new CallLogDto(
            c.Id,
            c.Direction,
            c.From,
            c.To,
            c.Status,
            c.StartTime,
            c.DurationSeconds,
            c.RecordingUrl != null,
            c.ConversationId,
            c.LeadId,
            l == null ? null : l.ContactName,
            c.CreationTime);

    private static CallLogDto InZone(CallLogDto c, TimeZoneInfo zone) =>
        c with { StartTime = BusinessTime.Local(c.StartTime, zone), CreationTime = BusinessTime.Local(c.CreationTime, zone) };
}
