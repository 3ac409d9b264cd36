using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SmbAgent.BackgroundJobs;
using SmbAgent.Conversations.Emergencies;
using SmbAgent.Conversations.Engine;
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
/// the token; history and flow state are read from the database on every turn, never taken from the client.
/// </summary>
public sealed class ChatAppService(
    ISmbAgentDbContext db,
    ICurrentTenant currentTenant,
    ITenantStore tenants,
    IFeatureChecker features,
    UsageQuota quota,
    ConversationEngine engine,
    LeadNotificationOutbox outbox,
    HumanRequestOutbox humanRequests,
    IBackgroundJobManager jobs,
    IValidator<SendMessageDto> messageValidator,
    TimeProvider clock)
{
    /// <summary>Visitor messages per conversation per minute; more is a script, not a person.</summary>
    public const int MaxMessagesPerMinute = 20;

    public async Task<ConversationStartedDto> StartAsync(StartConversationDto input, string? visitor, CancellationToken cancellationToken = default)
    {
        var tenantId = currentTenant.Id ?? throw new BusinessException("Tenancy:NoTenant", "A conversation belongs to a business.", 403);
        var agent = await db.AgentSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken)
                    ?? throw new EntityNotFoundException(nameof(AgentSettings), tenantId);
        var profile = await db.BusinessProfiles.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
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
        var conversation = await FindAsync(token, cancellationToken);
        if (await ReplayAsync(conversation, input.IdempotencyKey, cancellationToken) is { } replay)
        {
            return replay;
        }

        var now = Now();
        var recent = await db.ConversationMessages.CountAsync(
            m => m.ConversationId == conversation.Id && m.Role == MessageRole.Visitor && m.CreationTime > now.AddMinutes(-1), cancellationToken);
        if (recent >= MaxMessagesPerMinute)
        {
            throw new BusinessException("Chat:TooManyMessages", "Too many messages: please wait a moment before sending more.", 429);
        }

        if (!conversation.Counted)
        {
            conversation.Counted = true;
            conversation.OverQuota = !await quota.TryConsumeAsync(UsageMetrics.Conversations, SmbFeatures.Chat.MaxConversationsPerMonth, cancellationToken);
        }

        var settings = await SettingsAsync(conversation, now, cancellationToken);
        var text = input.Text.Trim();
        var visitorMessage = Append(conversation, MessageRole.Visitor, text, [], now);
        visitorMessage.IdempotencyKey = input.IdempotencyKey;
        var outcome = await engine.HandleAsync(conversation, text, settings, cancellationToken);
        var replies = outcome.Replies.Select(r => Append(conversation, MessageRole.Agent, r.Text, r.Citations, now)).ToList();
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

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another request of this conversation won the race (the same retried message, or one sent in parallel).
            throw new BusinessException("Chat:Conflict", "Another message of this conversation was being processed; send it again.", 409);
        }

        foreach (var delivery in deliveries)
        {
            jobs.Enqueue(new DeliverNotificationArgs(delivery.Id));
        }

        return new TurnDto(ToDto(visitorMessage), [.. replies.Select(ToDto)], conversation.State);
    }

    /// <summary>The messages after sequence <paramref name="after"/> (all of them from 0): the widget polls it for what the team writes.</summary>
    public async Task<TranscriptDto> GetTranscriptAsync(string token, int after = 0, CancellationToken cancellationToken = default)
    {
        var conversation = await FindAsync(token, cancellationToken);
        var messages = await db.ConversationMessages.AsNoTracking()
            .Where(m => m.ConversationId == conversation.Id && m.Sequence > after)
            .OrderBy(m => m.Sequence)
            .ToListAsync(cancellationToken);
        return new TranscriptDto(conversation.State, [.. messages.Select(ToDto)]);
    }

    private async Task<Conversation> FindAsync(string token, CancellationToken cancellationToken)
    {
        var hash = string.IsNullOrWhiteSpace(token) || token.Length > 100 ? string.Empty : ConversationTokens.Hash(token);
        return await db.Conversations.FirstOrDefaultAsync(c => c.TokenHash == hash && c.Channel == ConversationChannel.Chat, cancellationToken)
               ?? throw new EntityNotFoundException(nameof(Conversation), "token");
    }

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
        var profile = await db.BusinessProfiles.AsNoTracking().FirstOrDefaultAsync(cancellationToken)
                      ?? new BusinessProfile(Guid.Empty, conversation.TenantId, BusinessType.Other, "UTC", "US");
        var agent = await db.AgentSettings.AsNoTracking().FirstAsync(cancellationToken);
        var questions = await db.LeadQuestions.AsNoTracking().OrderBy(q => q.Position).ToListAsync(cancellationToken);
        var words = await db.EmergencyWords.AsNoTracking().Select(w => new OwnerEmergencyWord(w.Phrase, w.Level)).ToListAsync(cancellationToken);
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
