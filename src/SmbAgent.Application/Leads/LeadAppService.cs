using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SmbAgent.Conversations;
using SmbAgent.Data;
using SmbAgent.HostAdmin;
using SmbAgent.Webhooks;

namespace SmbAgent.Leads;

/// <summary>
/// The current tenant's leads as the business follows them up: list, details with the conversation and the
/// notifications sent about it, status and notes, CSV export. Authorization is on the pages.
/// </summary>
public sealed class LeadAppService(ISmbAgentDbContext db, IValidator<UpdateLeadDto> updateValidator, WebhookOutbox webhooks, TimeProvider clock)
{
    public async Task<LeadListDto> GetListAsync(LeadListInput input, CancellationToken cancellationToken = default)
    {
        var zone = await BusinessTime.ZoneAsync(db, cancellationToken);
        var page = Math.Max(1, input.Page);
        var pageSize = Math.Clamp(input.PageSize, 1, LeadListInput.MaxPageSize);
        var query = db.Leads.AsNoTracking().Filter(input, zone);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.Sorted(input.Sort, input.Descending)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(l => new LeadListItemDto(l.Id, l.CreationTime, l.Status, l.Priority, l.Channel, l.ContactName, l.Email, l.Phone))
            .ToListAsync(cancellationToken);
        var local = items.ConvertAll(l => l with { CreationTime = BusinessTime.Local(l.CreationTime, zone) });
        return new LeadListDto(new PagedResult<LeadListItemDto>(local, total, page, pageSize), zone.Id);
    }

    public async Task<LeadDetailsDto> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var zone = await BusinessTime.ZoneAsync(db, cancellationToken);
        var lead = await db.Leads.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken)
                   ?? throw new EntityNotFoundException(nameof(Lead), id);
        var transcript = await db.ConversationMessages.TranscriptAsync(lead.ConversationId, zone, cancellationToken);
        var deliveries = await db.NotificationDeliveries.Where(d => d.LeadId == id).ToDtosAsync(zone, cancellationToken);
        return new LeadDetailsDto(
            ToDto(lead, zone),
            transcript,
            deliveries,
            zone.Id);
    }

    public async Task<LeadDto> UpdateAsync(Guid id, UpdateLeadDto input, CancellationToken cancellationToken = default)
    {
        await updateValidator.ValidateAndThrowAsync(input, cancellationToken);
        var lead = await db.Leads.FirstOrDefaultAsync(l => l.Id == id, cancellationToken)
                   ?? throw new EntityNotFoundException(nameof(Lead), id);
        lead.Status = input.Status;
        lead.OwnerNotes = string.IsNullOrWhiteSpace(input.OwnerNotes) ? null : input.OwnerNotes.Trim();
        lead.LastModificationTime = clock.GetUtcNow();
        await webhooks.LeadUpdatedAsync(lead, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(lead, await BusinessTime.ZoneAsync(db, cancellationToken));
    }

    /// <summary>Writes every lead the filters select (paging aside), in the list's order, as CSV to <paramref name="output"/>.</summary>
    public async Task ExportCsvAsync(LeadListInput input, Stream output, CancellationToken cancellationToken = default)
    {
        var zone = await BusinessTime.ZoneAsync(db, cancellationToken);
        var leads = db.Leads.AsNoTracking().Filter(input, zone).Sorted(input.Sort, input.Descending).AsAsyncEnumerable();
        await LeadCsv.WriteAsync(leads, zone, output, cancellationToken);
    }

    /// <summary>The export's media type, for the response that carries it.</summary>
    public static string CsvContentType => LeadCsv.ContentType;

    private static LeadDto ToDto(Lead l, TimeZoneInfo zone) =>
        new(l.Id, l.ConversationId, l.Channel, l.Status, l.Priority, l.ContactName, l.Email, l.Phone, l.Address, l.Notes, l.Answers, l.OwnerNotes,
            BusinessTime.Local(l.CreationTime, zone), BusinessTime.Local(l.LastModificationTime, zone));
}
