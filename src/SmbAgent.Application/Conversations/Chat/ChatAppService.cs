using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using SmbAgent.Conversations.State;
using SmbAgent.Conversations.Turns;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.KnowledgeBase;
using SmbAgent.Privacy;
using SmbAgent.Tenancy;
using SmbAgent.Workspace;

namespace SmbAgent.Conversations.Chat;

/// <summary>
/// The widget's conversation, for the current tenant (resolved from the public widget key): the chat channel's
/// adapter over <see cref="ConversationTurnService"/>. The visitor holds only the token, which names the conversation;
/// the turn itself is the channel-neutral one.
/// </summary>
public sealed class ChatAppService(
    ISmbAgentDbContext db,
    ICurrentTenant currentTenant,
    ConversationStateCache states,
    WorkspaceSettingsCache workspace,
    ITenantStore tenants,
    IFeatureChecker features,
    ConversationTurnService turns,
    IValidator<SendMessageDto> messageValidator,
    TimeProvider clock)
{
    /// <summary>A transcript page when the widget names no size: a whole conversation of the default length in two.</summary>
    public const int DefaultTranscriptPageSize = 50;

    public const int MaxTranscriptPageSize = 100;

    /// <summary>
    /// How the widget draws itself for a visitor who prefers <paramref name="language"/> (the agent's language when not
    /// supported): read by the widget before any conversation exists, and sent again with a conversation's start.
    /// </summary>
    public async Task<WidgetConfigurationDto> GetWidgetConfigurationAsync(string? language, CancellationToken cancellationToken = default)
    {
        var tenantId = TenantId();
        var (profile, agent, _, _) = await workspace.GetAsync(cancellationToken);
        var business = (await tenants.FindAsync(tenantId, cancellationToken))?.Name ?? string.Empty;
        var shown = language is { } asked && KnowledgeLanguages.IsSupported(asked) ? asked : agent.Language;
        var welcome = Disclosures.BeforeGreeting(
            agent,
            shown == agent.Language && !string.IsNullOrWhiteSpace(agent.WelcomeMessage)
                ? agent.WelcomeMessage
                : AgentTexts.For(shown, ConversationChannel.Chat).Welcome);
        return new WidgetConfigurationDto(
            agent.AgentName,
            business,
            agent.WidgetPrimaryColor,
            agent.WidgetAccentColor,
            agent.WidgetPosition.ToString(),
            shown,
            welcome,
            ShowBranding: !await features.IsEnabledAsync(SmbFeatures.Platform.HideBranding, cancellationToken),
            OpenNow: profile is not null && BusinessClock.IsOpen(profile, clock.GetUtcNow()));
    }

    public async Task<ConversationStartedDto> StartAsync(StartConversationDto input, string? visitor, CancellationToken cancellationToken = default)
    {
        var tenantId = TenantId();
        var widget = await GetWidgetConfigurationAsync(input.Language, cancellationToken);
        var now = Now();

        var (token, hash) = ConversationTokens.New();
        var conversation = new Conversation(Guid.CreateVersion7(), tenantId, ConversationChannel.Chat, hash, widget.Language)
        {
            Visitor = visitor,
            CreationTime = now,
            LastActivityTime = now,
            MessageCount = 1,
        };
        var welcome = new ConversationMessage(Guid.CreateVersion7(), tenantId, conversation.Id, 1, MessageRole.Agent, widget.WelcomeMessage) { CreationTime = now };
        db.Conversations.Add(conversation);
        db.ConversationMessages.Add(welcome);
        await db.SaveChangesAsync(cancellationToken);
        await states.AddAsync(ConversationHotState.New(conversation), cancellationToken);
        return new ConversationStartedDto(token, widget, [ToDto(welcome)]);
    }

    public async Task<TurnDto> SendAsync(string token, SendMessageDto input, CancellationToken cancellationToken = default)
    {
        await messageValidator.ValidateAndThrowAsync(input, cancellationToken);
        var turn = await turns.RunAsync(new TurnRequest(ConversationKey.ForChatToken(token), input.Text, input.IdempotencyKey), cancellationToken);
        return new TurnDto(ToDto(turn.Message), [.. turn.Replies.Select(ToDto)], turn.State);
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
        var key = ConversationKey.ForChatToken(token);
        var conversation = await db.Conversations.AsNoTracking()
                               .Where(c => c.TokenHash == key.Hash && c.Channel == key.Channel)
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

    private Guid TenantId() => currentTenant.Id ?? throw new BusinessException("Tenancy:NoTenant", "A conversation belongs to a business.", 403);

    /// <summary>To PostgreSQL's microsecond precision, so a replayed turn reads back exactly what was first returned.</summary>
    private DateTimeOffset Now()
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    private static ChatMessageDto ToDto(ConversationMessage m) => new(m.Sequence, m.Role, m.Text, m.Citations, m.CreationTime);

    private static ChatMessageDto ToDto(TurnMessage m) =>
        new(m.Sequence, m.Role, m.Text, m.Citations, m.CreationTime, m.Reply is null ? null : ChatReplyDtos.From(m.Reply));
}
