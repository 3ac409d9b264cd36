using SmbAgent.Conversations;
using SmbAgent.Data;
using SmbAgent.Leads;
using SmbAgent.Notifications;

namespace SmbAgent.Application.Tests.Leads;

/// <summary>A lead as the engine leaves it: its conversation with messages, the lead, and the notifications queued about it.</summary>
public sealed record LeadRow
{
    public DateTimeOffset Created { get; init; } = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    public LeadStatus Status { get; init; }

    public LeadPriority Priority { get; init; } = LeadPriority.Normal;

    public ConversationChannel Channel { get; init; }

    public string? Name { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public string? Address { get; init; }

    public string? Notes { get; init; }

    public string? OwnerNotes { get; init; }

    public IReadOnlyList<CollectedAnswer> Answers { get; init; } = [];

    public IReadOnlyList<(MessageRole Role, string Text)> Messages { get; init; } = [(MessageRole.Agent, "Hello! How can I help?"), (MessageRole.Visitor, "I need a plumber.")];

    /// <summary>Each delivery with the failed attempts to record on it and whether it was sent in the end.</summary>
    public IReadOnlyList<(NotificationChannel Channel, string Recipient, string[] Failures, bool Sent)> Deliveries { get; init; } = [];
}

public static class LeadRows
{
    public static async Task<Guid> AddAsync(ISmbAgentDbContext db, Guid tenantId, LeadRow row)
    {
        var conversation = new Conversation(Guid.CreateVersion7(), tenantId, row.Channel, Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"), "en")
        {
            CreationTime = row.Created.AddMinutes(-5),
            LastActivityTime = row.Created,
            MessageCount = row.Messages.Count,
            Priority = row.Priority,
            State = ConversationState.Completed,
        };
        var lead = new Lead(Guid.CreateVersion7(), tenantId, conversation.Id, row.Channel, row.Priority)
        {
            Status = row.Status,
            ContactName = row.Name,
            Email = row.Email,
            Phone = row.Phone,
            Address = row.Address,
            Notes = row.Notes,
            OwnerNotes = row.OwnerNotes,
            Answers = [.. row.Answers],
            CreationTime = row.Created,
        };
        conversation.LeadId = lead.Id;
        db.Conversations.Add(conversation);
        db.Leads.Add(lead);
        for (var i = 0; i < row.Messages.Count; i++)
        {
            db.ConversationMessages.Add(new ConversationMessage(Guid.CreateVersion7(), tenantId, conversation.Id, i + 1, row.Messages[i].Role, row.Messages[i].Text)
            {
                CreationTime = conversation.CreationTime.AddSeconds(i),
            });
        }

        foreach (var (channel, recipient, failures, sent) in row.Deliveries)
        {
            var delivery = new NotificationDelivery(Guid.CreateVersion7(), tenantId, lead.Id, NotificationKind.NewLead, channel, recipient) { CreationTime = row.Created };
            foreach (var failure in failures)
            {
                delivery.MarkAttemptFailed(row.Created, failure, permanent: false);
            }

            if (sent)
            {
                delivery.MarkSent(row.Created.AddMinutes(1), null);
            }

            db.NotificationDeliveries.Add(delivery);
        }

        await db.SaveChangesAsync();
        return lead.Id;
    }
}
