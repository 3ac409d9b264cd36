using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmbAgent.BackgroundJobs;
using SmbAgent.Conversations.Engine;
using SmbAgent.Conversations.Replies;
using SmbAgent.Conversations.State;
using SmbAgent.Data;
using SmbAgent.Notifications;
using SmbAgent.Notifications.EmergencyAlerts;
using SmbAgent.Usage;
using SmbAgent.Webhooks;
using SmbAgent.Workspace;

namespace SmbAgent.Conversations.Turns;

/// <summary>
/// Runs one visitor's or caller's turn, whatever the channel, for the current tenant. Flow state comes from the
/// server's hot state (rebuilt from the database on a miss), never from the client. Every turn writes the conversation
/// and its messages, its lead and its notifications to the database in one SaveChanges, over the row version it read:
/// a turn that read stale state reloads it from the database and runs once more.
/// </summary>
public sealed class ConversationTurnService(
    ISmbAgentDbContext db,
    ConversationStateCache states,
    WorkspaceSettingsCache workspace,
    UsageQuota quota,
    ConversationEngine engine,
    LeadNotificationOutbox outbox,
    EmergencyAlertOutbox emergencies,
    HumanRequestOutbox humanRequests,
    WebhookOutbox webhooks,
    IBackgroundJobManager jobs,
    IEnumerable<IReplyRenderer> renderers,
    IOptions<ConversationOptions> options,
    TurnTimer timer,
    TimeProvider clock)
{
    /// <summary>Visitor messages per conversation per minute; more is a script, not a person.</summary>
    public const int MaxMessagesPerMinute = 20;

    public async Task<TurnResult> RunAsync(TurnRequest request, CancellationToken cancellationToken = default)
    {
        if (await TryTurnAsync(request, cancellationToken) is { } turn)
        {
            return turn;
        }

        // The state the turn started from was stale (another host's copy, the owner, or another message of this
        // conversation saved first): once more from the database, where a retried message now finds its answer.
        db.ChangeTracker.Clear();
        return await TryTurnAsync(request, cancellationToken)
               ?? throw new BusinessException("Chat:Conflict", "Another message of this conversation was being processed; send it again.", 409);
    }

    /// <summary>One turn; null when the conversation changed since its state was read (the cached state is then dropped).</summary>
    private async Task<TurnResult?> TryTurnAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        var hot = await states.FindAsync(request.Key, cancellationToken)
                  ?? throw new EntityNotFoundException(nameof(Conversation), "key");
        var conversation = hot.Conversation;
        if (hot.FindTurn(request.IdempotencyKey) is { } stored)
        {
            return stored with { State = conversation.State };
        }

        if (hot.MayHaveReceived(request.IdempotencyKey) && await ReplayAsync(conversation, request.IdempotencyKey, cancellationToken) is { } replay)
        {
            return replay;
        }

        var now = Now();
        if (hot.VisitorMessagesSince(now.AddMinutes(-1)) >= MaxMessagesPerMinute)
        {
            throw new BusinessException("Chat:TooManyMessages", "Too many messages: please wait a moment before sending more.", 429);
        }

        var maxMessages = options.Value.MaxMessagesPerConversation;
        if (conversation.MessageCount >= maxMessages)
        {
            // Refused rather than answered with the close again: an answer the transcript doesn't hold would vanish on
            // a reload, and storing more is what the limit prevents. The problem's detail is the close itself.
            throw new BusinessException("Chat:ConversationFull", AgentTexts.For(conversation.Language, conversation.Channel).LengthLimit, 409);
        }

        // A previous turn in this scope may still track its own copy; this turn's copy is the one to save.
        foreach (var earlier in db.ChangeTracker.Entries<Conversation>().Where(e => e.Entity.Id == conversation.Id).ToList())
        {
            earlier.State = EntityState.Detached;
        }

        db.Conversations.Attach(conversation);
        // The quota is only peeked at here and taken with the turn's own save, so a turn that fails takes nothing
        // and the counter's row stays unlocked while the engine works.
        var channelQuota = ChannelQuotas.For(conversation.Channel);
        var takesQuota = !conversation.Counted;
        if (takesQuota)
        {
            conversation.Counted = true;
            conversation.OverQuota = !await quota.HasRoomAsync(channelQuota.Metric, channelQuota.LimitFeature, cancellationToken);
        }

        var settings = await SettingsAsync(conversation, now, cancellationToken);
        var text = request.Text.Trim();
        var visitorMessage = Append(conversation, MessageRole.Visitor, text, [], now);
        visitorMessage.IdempotencyKey = request.IdempotencyKey;
        timer.Reset();
        var before = ConversationSnapshot.Of(conversation);
        var outcome = await engine.HandleAsync(conversation, text, settings, cancellationToken);
        visitorMessage.RetrievalMilliseconds = timer.Milliseconds(TurnPhase.Retrieval);
        visitorMessage.ModelMilliseconds = timer.Milliseconds(TurnPhase.Model);
        var meant = outcome.Replies.ToList();
        var hints = outcome.Hints;
        if (conversation.MessageCount + meant.Count + 1 >= maxMessages)
        {
            // The visitor's last message is still answered; the close after it points to a new conversation, where
            // the lead questions have room.
            meant.Add(new InfoReply(InfoKind.LengthLimit));
            hints = hints with { EndsConversation = true };
        }

        var renderer = RendererFor(conversation.Channel);
        var context = new ReplyContext(conversation.Language, settings.Agent.Language);
        var replies = meant.Select(reply =>
        {
            var rendered = renderer.Render(reply, context);
            var message = Append(conversation, MessageRole.Agent, rendered.Text, rendered.Citations, now);
            message.Reply = StoredReplies.Write(reply);
            return TurnMessage.From(message, reply);
        }).ToList();

        conversation.LastActivityTime = now;

        var deliveries = new List<NotificationDelivery>();
        EmergencyAlert? emergency = null;
        if (outcome.Lead is { } lead)
        {
            db.Leads.Add(lead);
            deliveries = await outbox.AddForNewLeadAsync(lead, settings.Profile, cancellationToken);
            emergency = await emergencies.AddForNewLeadAsync(lead, settings.Profile, cancellationToken);
        }

        await webhooks.TurnAsync(before, conversation, outcome.Lead, cancellationToken);
        if (outcome.HumanRequested)
        {
            deliveries.AddRange(await humanRequests.AddAsync(conversation, settings.Profile, cancellationToken));
        }

        if (!await SaveTurnAsync(conversation, takesQuota && !conversation.OverQuota ? channelQuota : null, cancellationToken))
        {
            await states.EvictAsync(conversation.TenantId, conversation.Id, cancellationToken);
            return null;
        }

        foreach (var delivery in deliveries)
        {
            jobs.Enqueue(new DeliverNotificationArgs(delivery.Id));
        }

        if (emergency is not null)
        {
            jobs.Enqueue(EmergencyAlertOutbox.FirstRing(emergency));
        }

        var turn = new TurnResult(TurnMessage.From(visitorMessage), replies, conversation.State, hints);
        // Saved: the cache follows even if the visitor has gone (a stale copy would only cost the next turn a retry).
        await states.SetAsync(hot.After(conversation, turn, request.IdempotencyKey), CancellationToken.None);
        return turn;
    }

    /// <summary>
    /// Saves the turn; with a <paramref name="quotaToTake"/> in one transaction with the unit it takes, so a turn the
    /// database refuses takes nothing. False when the turn must run again (stale state, or the last unit went since
    /// the peek).
    /// </summary>
    private async Task<bool> SaveTurnAsync(Conversation conversation, ChannelQuota? quotaToTake, CancellationToken cancellationToken)
    {
        await using var transaction = quotaToTake is not null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            if (quotaToTake is not null && !await quota.TryConsumeAsync(quotaToTake.Metric, quotaToTake.LimitFeature, cancellationToken))
            {
                return false;
            }

            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return true;
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException or DuplicateEntryException)
        {
            return false;
        }
    }

    /// <summary>The stored answer to a message already received with this key: the replies that followed it.</summary>
    private async Task<TurnResult?> ReplayAsync(Conversation conversation, string idempotencyKey, CancellationToken cancellationToken)
    {
        var conversationId = conversation.Id;
        var original = await db.ConversationMessages.AsNoTracking()
            .FirstOrDefaultAsync(m => m.ConversationId == conversationId && m.IdempotencyKey == idempotencyKey, cancellationToken);
        if (original is null)
        {
            return null;
        }

        var following = await db.ConversationMessages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId && m.Sequence > original.Sequence)
            .OrderBy(m => m.Sequence)
            .ToListAsync(cancellationToken);
        var replies = following.TakeWhile(m => m.Role != MessageRole.Visitor).Select(m => TurnMessage.From(m, StoredReplies.Read(m.Reply))).ToList();
        return new TurnResult(TurnMessage.From(original), replies, conversation.State, TurnHints.None);
    }

    private IReplyRenderer RendererFor(ConversationChannel channel) =>
        renderers.FirstOrDefault(r => r.Channel == channel) ?? throw new InvalidOperationException($"No renderer puts replies in the {channel} channel's words.");

    private async Task<TurnSettings> SettingsAsync(Conversation conversation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (profile, agent, questions, words) = await workspace.GetAsync(cancellationToken);
        profile ??= new BusinessProfile(Guid.Empty, conversation.TenantId, BusinessType.Other, "UTC", "US");
        return new TurnSettings(profile, agent, questions, now, conversation.OverQuota) { EmergencyWords = words };
    }

    private ConversationMessage Append(Conversation conversation, MessageRole role, string text, IReadOnlyList<MessageCitation> citations, DateTimeOffset now)
    {
        conversation.MessageCount++;
        var message = new ConversationMessage(Guid.CreateVersion7(), conversation.TenantId, conversation.Id, conversation.MessageCount, role, text)
        {
            Citations = [.. citations],
            CreationTime = now,
        };
        db.ConversationMessages.Add(message);
        return message;
    }

    /// <summary>To PostgreSQL's microsecond precision, so a replayed turn reads back exactly what was first returned.</summary>
    private DateTimeOffset Now()
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
