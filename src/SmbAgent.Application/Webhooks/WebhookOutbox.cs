using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using SmbAgent.Conversations;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.Leads;
using SmbAgent.Voice;

namespace SmbAgent.Webhooks;

/// <summary>
/// Writes one delivery per interested subscription into the caller's unit of work, so the event is saved with the
/// change it reports or not at all; the EF Core layer queues each saved delivery's job once the save has committed.
/// Nothing is written when the business's plan has no API access.
/// </summary>
public sealed class WebhookOutbox(ISmbAgentDbContext db, IFeatureChecker features, TimeProvider clock)
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public Task LeadCreatedAsync(Lead lead, CancellationToken cancellationToken) =>
        AddAsync(WebhookEventTypes.LeadCreated, WebhookPayloads.Lead(lead), cancellationToken);

    public Task LeadUpdatedAsync(Lead lead, CancellationToken cancellationToken) =>
        AddAsync(WebhookEventTypes.LeadUpdated, WebhookPayloads.Lead(lead), cancellationToken);

    public Task CallCompletedAsync(CallLog call, CancellationToken cancellationToken) =>
        AddAsync(WebhookEventTypes.CallCompleted, WebhookPayloads.Call(call), cancellationToken);

    /// <summary>What one turn changed, against the conversation as it was before: a new lead, an emergency, the end.</summary>
    public async Task TurnAsync(ConversationSnapshot before, Conversation conversation, Lead? lead, CancellationToken cancellationToken)
    {
        if (lead is not null)
        {
            await LeadCreatedAsync(lead, cancellationToken);
        }

        if (conversation.IsEmergency && !before.IsEmergency)
        {
            await AddAsync(WebhookEventTypes.EmergencyDetected, WebhookPayloads.Conversation(conversation), cancellationToken);
        }

        if (conversation.State == ConversationState.Completed && before.State != ConversationState.Completed)
        {
            await AddAsync(WebhookEventTypes.ConversationCompleted, WebhookPayloads.Conversation(conversation), cancellationToken);
        }
    }

    private async Task AddAsync<TData>(string type, TData data, CancellationToken cancellationToken)
    {
        if (!await features.IsEnabledAsync(SmbFeatures.Platform.ApiAccess, cancellationToken))
        {
            return;
        }

        var subscriptions = await db.WebhookSubscriptions.AsNoTracking()
            .Where(s => s.IsActive)
            .Select(s => new { s.Id, s.TenantId, s.EventTypes })
            .ToListAsync(cancellationToken);
        var wanted = subscriptions.Where(s => s.EventTypes.Contains(type, StringComparer.Ordinal)).ToList();
        if (wanted.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var eventId = Guid.CreateVersion7();
        var body = JsonSerializer.Serialize(new WebhookEnvelope<TData>(eventId, type, now, data), JsonOptions);
        foreach (var subscription in wanted)
        {
            db.WebhookDeliveries.Add(new WebhookDelivery(Guid.CreateVersion7(), subscription.TenantId, subscription.Id, type, eventId, body, now));
        }
    }

    private sealed record WebhookEnvelope<TData>(Guid Id, string Type, DateTimeOffset Created, TData Data);
}

/// <summary>What <see cref="WebhookOutbox.TurnAsync"/> compares a turn's result with.</summary>
public sealed record ConversationSnapshot(ConversationState State, bool IsEmergency)
{
    public static ConversationSnapshot Of(Conversation conversation) => new(conversation.State, conversation.IsEmergency);
}
