using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using SmbAgent.BackgroundJobs;
using SmbAgent.Conversations.Emergencies;
using SmbAgent.Conversations.Engine;
using SmbAgent.Conversations.State;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.KnowledgeBase;
using SmbAgent.Notifications;
using SmbAgent.Tenancy;
using SmbAgent.Usage;
using SmbAgent.Workspace;

namespace SmbAgent.Conversations.Chat;

/// <summary>
/// The widget's conversation, for the current tenant (resolved from the public widget key). The visitor holds only
/// the token; flow state comes from the server's hot state (rebuilt from the database on a miss), never from the
/// client. Every turn writes the conversation and its messages to the database in one SaveChanges, over the row
/// version it read: a turn that read stale state reloads it from the database and runs once more.
/// </summary>
public sealed class ChatAppService(
    ISmbAgentDbContext db,
    ICurrentTenant currentTenant,
    ConversationStateCache states,
    WorkspaceSettingsCache workspace,
    ITenantStore tenants,
    IFeatureChecker features,
    UsageQuota quota,
    ConversationEngine engine,
    LeadNotificationOutbox outbox,
    HumanRequestOutbox humanRequests,
    IBackgroundJobManager jobs,
    IValidator<SendMessageDto> messageValidator,
    IOptions<ConversationOptions> options,
    TimeProvider clock)
{
    /// <summary>Visitor messages per conversation per minute; more is a script, not a person.</summary>
    public const int MaxMessagesPerMinute = 20;

    /// <summary>A transcript page when the widget names no size: a whole conversation of the default length in two.</summary>
    public const int DefaultTranscriptPageSize = 50;

    public const int MaxTranscriptPageSize = 100;

    public async Task<ConversationStartedDto> StartAsync(StartConversationDto input, string? visitor, CancellationToken cancellationToken = default)
    {
        var tenantId = currentTenant.Id ?? throw new BusinessException("Tenancy:NoTenant", "A conversation belongs to a business.", 403);
        var (profile, agent, _, _) = await workspace.GetAsync(cancellationToken);
        var business = (await tenants.FindAsync(tenantId, cancellationToken))?.Name ?? string.Empty;
        var language = input.Language is { } asked && KnowledgeLanguages.IsSupported(asked) ? asked : agent.Language;
        var now = Now();

        var (token, hash) = ConversationTokens.New();
        var conversation = new Conversation(Guid.CreateVersion7(), tenantId, ConversationChannel.Chat, hash, language)
        {
            Visitor = visitor,
            CreationTime = now,
            LastActivityTime = now,
            MessageCount = 1,
        };
        var welcomeText = language == agent.Language && !string.IsNullOrWhiteSpace(agent.WelcomeMessage)
            ? agent.WelcomeMessage
            : AgentTexts.For(language).Welcome;
        var welcome = new ConversationMessage(Guid.CreateVersion7(), tenantId, conversation.Id, 1, MessageRole.Agent, welcomeText) { CreationTime = now };
        db.Conversations.Add(conversation);
        db.ConversationMessages.Add(welcome);
        await db.SaveChangesAsync(cancellationToken);
        await states.AddAsync(ConversationHotState.New(conversation), cancellationToken);

        var widget = new WidgetConfigurationDto(
            agent.AgentName,
            business,
            agent.WidgetPrimaryColor,
            agent.WidgetAccentColor,
            agent.WidgetPosition.ToString(),
            language,
            welcomeText,
            ShowBranding: !await features.IsEnabledAsync(SmbFeatures.Platform.HideBranding, cancellationToken),
            OpenNow: profile is not null && BusinessClock.IsOpen(profile, now));
        return new ConversationStartedDto(token, widget, [ToDto(welcome)]);
    }

    public async Task<TurnDto> SendAsync(string token, SendMessageDto input, CancellationToken cancellationToken = default)
    {
        await messageValidator.ValidateAndThrowAsync(input, cancellationToken);
        if (await TryTurnAsync(token, input, cancellationToken) is { } turn)
        {
            return turn;
        }

        // The state the turn started from was stale (another host's copy, the owner, or another message of this
        // conversation saved first): once more from the database, where a retried message now finds its answer.
        db.ChangeTracker.Clear();
        return await TryTurnAsync(token, input, cancellationToken)
               ?? throw new BusinessException("Chat:Conflict", "Another message of this conversation was being processed; send it again.", 409);
    }

    /// <summary>
    /// Up to <paramref name="limit"/> messages after sequence <paramref name="after"/> (from the first at 0), with the
    /// <c>after</c> of the next page while there is one: the widget polls it for what the team writes.
    /// </summary>
    public async Task<TranscriptDto> GetTranscriptAsync(
        string token, int after = 0, int limit = DefaultTranscriptPageSize, CancellationToken cancellationToken = default)
    {
        ThrowIfBadPage(after, limit);
        // A reload shows the database's state: another host's cached copy may not know yet of the owner's takeover.
        var hash = HashOf(token);
        var conversation = await db.Conversations.AsNoTracking()
                               .Where(c => c.TokenHash == hash && c.Channel == ConversationChannel.Chat)
                               .Select(c => new { c.Id, c.State })
                               .FirstOrDefaultAsync(cancellationToken)
                           ?? throw new EntityNotFoundException(nameof(Conversation), "token");
        var messages = await db.ConversationMessages.AsNoTracking()
            .Where(m => m.ConversationId == conversation.Id && m.Sequence > after)
            .OrderBy(m => m.Sequence)
            .Take(limit + 1)
            .ToListAsync(cancellationToken);
        var page = messages.Take(limit).ToList();
        return new TranscriptDto(conversation.State, [.. page.Select(ToDto)], messages.Count > limit ? page[^1].Sequence : null);
    }

    private static void ThrowIfBadPage(int after, int limit)
    {
        var failures = new List<ValidationFailure>();
        if (after < 0)
        {
            failures.Add(new ValidationFailure(nameof(after), "Ask for the messages after a sequence of 0 or more."));
        }

        if (limit is < 1 or > MaxTranscriptPageSize)
        {
            failures.Add(new ValidationFailure(nameof(limit), $"A page holds from 1 to {MaxTranscriptPageSize} messages."));
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }
    }

    /// <summary>One turn; null when the conversation changed since its state was read (the cached state is then dropped).</summary>
    private async Task<TurnDto?> TryTurnAsync(string token, SendMessageDto input, CancellationToken cancellationToken)
    {
        var hot = await FindAsync(token, cancellationToken);
        var conversation = hot.Conversation;
        if (hot.FindTurn(input.IdempotencyKey) is { } stored)
        {
            return stored with { State = conversation.State };
        }

        if (hot.MayHaveReceived(input.IdempotencyKey) && await ReplayAsync(conversation, input.IdempotencyKey, cancellationToken) is { } replay)
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
            throw new BusinessException("Chat:ConversationFull", AgentTexts.For(conversation.Language).LengthLimit, 409);
        }

        // A previous turn in this scope may still track its own copy; this turn's copy is the one to save.
        foreach (var earlier in db.ChangeTracker.Entries<Conversation>().Where(e => e.Entity.Id == conversation.Id).ToList())
        {
            earlier.State = EntityState.Detached;
        }

        db.Conversations.Attach(conversation);
        // The quota is only peeked at here and taken with the turn's own save, so a turn that fails takes nothing
        // and the counter's row stays unlocked while the engine works.
        var takesQuota = !conversation.Counted;
        if (takesQuota)
        {
            conversation.Counted = true;
            conversation.OverQuota = !await quota.HasRoomAsync(UsageMetrics.Conversations, SmbFeatures.Chat.MaxConversationsPerMonth, cancellationToken);
        }

        var settings = await SettingsAsync(conversation, now, cancellationToken);
        var text = input.Text.Trim();
        var visitorMessage = Append(conversation, MessageRole.Visitor, text, [], now);
        visitorMessage.IdempotencyKey = input.IdempotencyKey;
        var outcome = await engine.HandleAsync(conversation, text, settings, cancellationToken);
        var replies = outcome.Replies.Select(r => Append(conversation, MessageRole.Agent, r.Text, r.Citations, now)).ToList();
        if (conversation.MessageCount + 1 >= maxMessages)
        {
            // The visitor's last message is still answered; the close after it points to a new conversation, where
            // the lead questions have room.
            replies.Add(Append(conversation, MessageRole.Agent, AgentTexts.For(conversation.Language).LengthLimit, [], now));
        }

        conversation.LastActivityTime = now;

        var deliveries = new List<NotificationDelivery>();
        if (outcome.Lead is { } lead)
        {
            db.Leads.Add(lead);
            deliveries = await outbox.AddForNewLeadAsync(lead, settings.Profile, cancellationToken);
        }

        if (outcome.HumanRequested)
        {
            deliveries.AddRange(await humanRequests.AddAsync(conversation, settings.Profile, cancellationToken));
        }

        if (!await SaveTurnAsync(conversation, takesQuota && !conversation.OverQuota, cancellationToken))
        {
            await states.EvictAsync(conversation.TenantId, conversation.Id, cancellationToken);
            return null;
        }

        foreach (var delivery in deliveries)
        {
            jobs.Enqueue(new DeliverNotificationArgs(delivery.Id));
        }

        var turn = new TurnDto(ToDto(visitorMessage), [.. replies.Select(ToDto)], conversation.State);
        // Saved: the cache follows even if the visitor has gone (a stale copy would only cost the next turn a retry).
        await states.SetAsync(hot.After(conversation, turn, input.IdempotencyKey), CancellationToken.None);
        return turn;
    }

    /// <summary>
    /// Saves the turn; with <paramref name="takeQuota"/> in one transaction with the unit of quota it takes, so a turn
    /// the database refuses takes nothing. False when the turn must run again (stale state, or the last unit went since
    /// the peek).
    /// </summary>
    private async Task<bool> SaveTurnAsync(Conversation conversation, bool takeQuota, CancellationToken cancellationToken)
    {
        await using var transaction = takeQuota ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            if (takeQuota && !await quota.TryConsumeAsync(UsageMetrics.Conversations, SmbFeatures.Chat.MaxConversationsPerMonth, cancellationToken))
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
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return false;
        }
    }

    private async Task<ConversationHotState> FindAsync(string token, CancellationToken cancellationToken) =>
        await states.FindByTokenAsync(HashOf(token), cancellationToken)
        ?? throw new EntityNotFoundException(nameof(Conversation), "token");

    private static string HashOf(string token) =>
        string.IsNullOrWhiteSpace(token) || token.Length > 100 ? string.Empty : ConversationTokens.Hash(token);

    /// <summary>The stored answer to a message already received with this key: the replies that followed it.</summary>
    private async Task<TurnDto?> ReplayAsync(Conversation conversation, string idempotencyKey, CancellationToken cancellationToken)
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
        var replies = following.TakeWhile(m => m.Role != MessageRole.Visitor).Select(ToDto).ToList();
        return new TurnDto(ToDto(original), replies, conversation.State);
    }

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

    private static ChatMessageDto ToDto(ConversationMessage m) => new(m.Sequence, m.Role, m.Text, m.Citations, m.CreationTime);
}
