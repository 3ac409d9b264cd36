using Microsoft.EntityFrameworkCore;
using SmbAgent.Auditing;
using SmbAgent.Conversations.State;
using SmbAgent.Data;
using SmbAgent.Tenancy;
using SmbAgent.Workspace;

namespace SmbAgent.Privacy;

/// <summary>
/// A contact's right of access and erasure, for the current tenant: everything about one email address or phone
/// number — their leads and answers, the conversations and calls they had (and those their leads came from), their
/// messages, and the notifications sent about them or to them.
/// </summary>
/// <remarks>
/// A conversation is the contact's when a lead of theirs came from it, it was a call from their number, or a message
/// in it carries their email address; a lead is theirs when its email or phone is, or it came from one of their
/// conversations. The audit log records that an export or an erasure happened and its counts, never who it was about.
/// </remarks>
public sealed class ContactDataAppService(
    ISmbAgentDbContext db,
    ICurrentTenant currentTenant,
    ConversationStateCache states,
    IAuditLogger audit,
    TimeProvider clock)
{
    public async Task<ContactExportDto> ExportAsync(ContactLookup lookup, CancellationToken cancellationToken = default)
    {
        var contact = await NormalizeAsync(lookup, cancellationToken);
        var found = await FindAsync(contact, cancellationToken);
        var leads = await db.Leads.AsNoTracking()
            .Where(l => found.LeadIds.Contains(l.Id))
            .OrderBy(l => l.CreationTime)
            .Select(l => new ContactLeadDto(
                l.Id, l.ConversationId, l.Channel, l.Status, l.Priority, l.ContactName, l.Email, l.Phone, l.Address, l.Notes, l.OwnerNotes, l.Answers, l.CreationTime))
            .ToListAsync(cancellationToken);
        var conversations = await db.Conversations.AsNoTracking()
            .Where(c => found.ConversationIds.Contains(c.Id))
            .OrderBy(c => c.CreationTime)
            .ToListAsync(cancellationToken);
        var messages = (await db.ConversationMessages.AsNoTracking()
                .Where(m => found.ConversationIds.Contains(m.ConversationId))
                .OrderBy(m => m.Sequence)
                .Select(m => new { m.ConversationId, Message = new ContactMessageDto(m.Sequence, m.Role, m.Text, m.CreationTime) })
                .ToListAsync(cancellationToken))
            .ToLookup(m => m.ConversationId, m => m.Message);
        var calls = await db.CallLogs.AsNoTracking()
            .Where(c => found.CallIds.Contains(c.Id))
            .OrderBy(c => c.CreationTime)
            .Select(c => new ContactCallDto(
                c.Id, c.CallSid, c.Direction, c.From, c.To, c.Status, c.StartTime, c.DurationSeconds, c.RecordingUrl, c.Transcript, c.ConversationId, c.LeadId, c.CreationTime))
            .ToListAsync(cancellationToken);
        var deliveries = await db.NotificationDeliveries.AsNoTracking()
            .Where(d => found.DeliveryIds.Contains(d.Id))
            .OrderBy(d => d.CreationTime)
            .Select(d => new ContactDeliveryDto(d.Id, d.LeadId, d.ConversationId, d.Kind, d.Channel, d.Recipient, d.Status, d.CreationTime, d.SentTime))
            .ToListAsync(cancellationToken);

        var export = new ContactExportDto(
            contact.Email,
            contact.Phone,
            clock.GetUtcNow(),
            leads,
            [.. conversations.Select(c => new ContactConversationDto(
                c.Id, c.Channel, c.Language, c.State, c.Visitor, c.LeadId, c.CreationTime, c.LastActivityTime, [.. messages[c.Id]]))],
            calls,
            deliveries);
        await audit.LogAsync(AuditActions.ContactExported, $"contact data exported: {Counts(leads.Count, conversations.Count, calls.Count, deliveries.Count)}", cancellationToken);
        return export;
    }

    /// <summary>Deletes everything <see cref="ExportAsync"/> would give, in one transaction.</summary>
    public async Task<ContactErasureResult> EraseAsync(ContactLookup lookup, CancellationToken cancellationToken = default)
    {
        var contact = await NormalizeAsync(lookup, cancellationToken);
        ContactErasureResult result;
        FoundContact found;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            found = await FindAsync(contact, cancellationToken);
            var deliveries = await db.NotificationDeliveries.Where(d => found.DeliveryIds.Contains(d.Id)).ExecuteDeleteAsync(cancellationToken);
            var callSids = db.CallLogs.Where(c => found.CallIds.Contains(c.Id)).Select(c => c.CallSid);
            await db.CallStatusEvents.Where(e => callSids.Contains(e.CallSid)).ExecuteDeleteAsync(cancellationToken);
            var calls = await db.CallLogs.Where(c => found.CallIds.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
            // An urgent lead's owner-call alert and its attempts go with it (cascade).
            var leads = await db.Leads.Where(l => found.LeadIds.Contains(l.Id)).ExecuteDeleteAsync(cancellationToken);
            var messages = await db.ConversationMessages.Where(m => found.ConversationIds.Contains(m.ConversationId)).ExecuteDeleteAsync(cancellationToken);
            var conversations = await db.Conversations.Where(c => found.ConversationIds.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            result = new ContactErasureResult(leads, conversations, messages, calls, deliveries);
        }

        // A conversation still open in a widget must not be answered from a cached copy of what was erased.
        var tenantId = currentTenant.Id!.Value;
        foreach (var conversationId in found.ConversationIds)
        {
            await states.EvictAsync(tenantId, conversationId, cancellationToken);
        }

        await audit.LogAsync(
            AuditActions.ContactErased,
            $"contact data erased: {Counts(result.Leads, result.Conversations, result.Calls, result.NotificationDeliveries)}, {result.Messages} message(s)",
            cancellationToken);
        return result;
    }

    private static string Counts(int leads, int conversations, int calls, int deliveries) =>
        $"{leads} lead(s), {conversations} conversation(s), {calls} call(s), {deliveries} notification(s)";

    /// <summary>The email in lower case and the phone in E.164, read in the business's country as the lead questions read it.</summary>
    private async Task<NormalizedContact> NormalizeAsync(ContactLookup lookup, CancellationToken cancellationToken)
    {
        _ = currentTenant.Id ?? throw new BusinessException("Tenancy:NoTenant", "A contact belongs to a business.", 403);
        var email = string.IsNullOrWhiteSpace(lookup.Email) ? null : lookup.Email.Trim().ToLowerInvariant();
        if (email is not null && (email.Length > 256 || !email.Contains('@', StringComparison.Ordinal)))
        {
            throw new BusinessException("Privacy:InvalidEmail", "Enter an email address like name@example.com.", 400);
        }

        string? phone = null;
        if (!string.IsNullOrWhiteSpace(lookup.Phone))
        {
            var country = await db.BusinessProfiles.AsNoTracking().Select(p => p.Country).FirstOrDefaultAsync(cancellationToken);
            phone = E164PhoneNumbers.Normalize(lookup.Phone, country)
                    ?? throw new BusinessException("Privacy:InvalidPhone", "Enter a phone number, with its country code if it is abroad.", 400);
        }

        return email is null && phone is null
            ? throw new BusinessException("Privacy:NoContact", "Enter an email address or a phone number.", 400)
            : new NormalizedContact(email, phone);
    }

    private async Task<FoundContact> FindAsync(NormalizedContact contact, CancellationToken cancellationToken)
    {
        var (email, phone) = (contact.Email, contact.Phone);
        var conversationIds = new HashSet<Guid>();
        if (phone is not null)
        {
            conversationIds.UnionWith(await db.Conversations.Where(c => c.Visitor == phone).Select(c => c.Id).ToListAsync(cancellationToken));
            conversationIds.UnionWith(await db.CallLogs.Where(c => c.From == phone && c.ConversationId != null).Select(c => c.ConversationId!.Value).ToListAsync(cancellationToken));
        }

        var exactEmail = email is null ? null : Escaped(email);
        var inText = email is null ? null : "%" + exactEmail + "%";
        if (inText is not null)
        {
            conversationIds.UnionWith(await db.ConversationMessages
                .Where(m => EF.Functions.ILike(m.Text, inText, LikeEscape))
                .Select(m => m.ConversationId)
                .Distinct()
                .ToListAsync(cancellationToken));
        }

        var leadIds = (await db.Leads
                .Where(l => (exactEmail != null && l.Email != null && EF.Functions.ILike(l.Email, exactEmail, LikeEscape))
                            || (phone != null && l.Phone == phone)
                            || conversationIds.Contains(l.ConversationId))
                .Select(l => new { l.Id, l.ConversationId })
                .ToListAsync(cancellationToken))
            .ToList();
        conversationIds.UnionWith(leadIds.Select(l => l.ConversationId));
        var leads = leadIds.Select(l => l.Id).ToHashSet();

        var callIds = await db.CallLogs
            .Where(c => (phone != null && c.Direction == Voice.CallDirection.Inbound && c.From == phone)
                        || (c.ConversationId != null && conversationIds.Contains(c.ConversationId.Value))
                        || (c.LeadId != null && leads.Contains(c.LeadId.Value)))
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);
        var deliveryIds = await db.NotificationDeliveries
            .Where(d => (d.LeadId != null && leads.Contains(d.LeadId.Value))
                        || (d.ConversationId != null && conversationIds.Contains(d.ConversationId.Value))
                        || (d.Kind == Notifications.NotificationKind.VisitorConfirmation && ((exactEmail != null && EF.Functions.ILike(d.Recipient, exactEmail, LikeEscape)) || d.Recipient == phone)))
            .Select(d => d.Id)
            .ToListAsync(cancellationToken);
        return new FoundContact([.. leads], [.. conversationIds], callIds, deliveryIds);
    }

    private const string LikeEscape = "\\";

    /// <summary>The address as a LIKE pattern matching itself only (an address may hold <c>_</c>).</summary>
    private static string Escaped(string value) =>
        value.Replace(LikeEscape, LikeEscape + LikeEscape, StringComparison.Ordinal)
            .Replace("%", LikeEscape + "%", StringComparison.Ordinal)
            .Replace("_", LikeEscape + "_", StringComparison.Ordinal);

    private sealed record NormalizedContact(string? Email, string? Phone);

    private sealed record FoundContact(List<Guid> LeadIds, List<Guid> ConversationIds, List<Guid> CallIds, List<Guid> DeliveryIds);
}
