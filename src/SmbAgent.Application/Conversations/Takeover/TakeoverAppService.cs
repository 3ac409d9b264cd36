using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SmbAgent.Conversations.State;
using SmbAgent.Data;
using SmbAgent.Leads;

namespace SmbAgent.Conversations.Takeover;

/// <summary>
/// A person from the business answering a chat live: take over (the agent goes silent), write to the visitor, hand
/// back. Every write the admin makes to a conversation goes through here. Authorization is on the pages.
/// </summary>
/// <remarks>
/// Each write appends a message at the next sequence in the same save as the conversation's change, so a visitor's
/// turn racing it collides on the unique (conversation, sequence) index instead of silently overwriting the state:
/// the loser of that race is the one that fails. Here the loser reloads and tries once more.
/// </remarks>
public sealed class TakeoverAppService(ISmbAgentDbContext db, ConversationStateCache states, IValidator<OwnerMessageDto> messageValidator, TimeProvider clock)
{
    private const int Attempts = 2;

    /// <summary>The conversation's state and the messages after <paramref name="after"/>, for the live page's poll.</summary>
    public async Task<LiveConversationDto> GetLiveAsync(Guid id, int after, CancellationToken cancellationToken = default)
    {
        var conversation = await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
                           ?? throw new EntityNotFoundException(nameof(Conversation), id);
        var zone = await BusinessTime.ZoneAsync(db, cancellationToken);
        var messages = await db.ConversationMessages.AsNoTracking()
            .Where(m => m.ConversationId == id && m.Sequence > after)
            .OrderBy(m => m.Sequence)
            .Select(m => new TranscriptMessageDto(m.Sequence, m.Role, m.Text, m.Citations, m.CreationTime))
            .ToListAsync(cancellationToken);
        return new LiveConversationDto(
            conversation.Channel,
            conversation.State,
            conversation.HumanRequestedTime is not null,
            await UserNameAsync(conversation.TakenOverByUserId, cancellationToken),
            conversation.MessageCount,
            messages.ConvertAll(m => m with { CreationTime = BusinessTime.Local(m.CreationTime, zone) }));
    }

    /// <summary>The agent stops answering; the visitor is told a person joined. Taking over a taken-over chat just changes who answers.</summary>
    public Task TakeOverAsync(Guid id, Guid userId, CancellationToken cancellationToken = default) =>
        AppendAsync(id, conversation =>
        {
            if (conversation.Channel != ConversationChannel.Chat)
            {
                throw new BusinessException("Takeover:NotAChat", "Only a chat can be taken over.");
            }

            conversation.TakeOver(userId);
            return Task.FromResult((MessageRole.Agent, TakeoverTexts.For(conversation.Language).Joined));
        }, cancellationToken);

    /// <summary>A message to the visitor from the person who took over; the widget's transcript poll delivers it.</summary>
    public async Task<TranscriptMessageDto> SendAsync(Guid id, OwnerMessageDto input, CancellationToken cancellationToken = default)
    {
        await messageValidator.ValidateAndThrowAsync(input, cancellationToken);
        var message = await AppendAsync(id, conversation =>
        {
            if (conversation.State != ConversationState.HandOff)
            {
                throw new BusinessException("Takeover:NotTakenOver", "Take the conversation over before writing to the visitor: the assistant is still answering.", 409);
            }

            return Task.FromResult((MessageRole.Owner, input.Text.Trim()));
        }, cancellationToken);
        var zone = await BusinessTime.ZoneAsync(db, cancellationToken);
        return new TranscriptMessageDto(message.Sequence, message.Role, message.Text, message.Citations, BusinessTime.Local(message.CreationTime, zone));
    }

    /// <summary>The agent answers again where it left off; when it was asking a lead question, it asks it again.</summary>
    public Task HandBackAsync(Guid id, CancellationToken cancellationToken = default) =>
        AppendAsync(id, async conversation =>
        {
            if (conversation.State != ConversationState.HandOff)
            {
                throw new BusinessException("Takeover:NotTakenOver", "The assistant is already answering this conversation.", 409);
            }

            conversation.HandBack();
            var text = TakeoverTexts.For(conversation.Language).HandedBack;
            if (conversation.State == ConversationState.LeadCapture && conversation.CurrentQuestionId is { } questionId
                && await db.LeadQuestions.AsNoTracking().Where(q => q.Id == questionId).Select(q => q.Text).FirstOrDefaultAsync(cancellationToken) is { } question)
            {
                text = $"{text} {question}";
            }

            return (MessageRole.Agent, text);
        }, cancellationToken);

    private async Task<ConversationMessage> AppendAsync(Guid id, Func<Conversation, Task<(MessageRole Role, string Text)>> change, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
                           ?? throw new EntityNotFoundException(nameof(Conversation), id);
        for (var attempt = 1; ; attempt++)
        {
            var (role, text) = await change(conversation);
            var now = Now();
            conversation.MessageCount++;
            conversation.LastActivityTime = now;
            var message = new ConversationMessage(Guid.CreateVersion7(), conversation.TenantId, conversation.Id, conversation.MessageCount, role, text)
            {
                CreationTime = now,
            };
            db.ConversationMessages.Add(message);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                // Saved: the visitor's next turn must not run on the cached state from before this change.
                await states.EvictAsync(conversation.TenantId, conversation.Id, CancellationToken.None);
                return message;
            }
            catch (DbUpdateException e) when (e is DbUpdateConcurrencyException or DuplicateEntryException)
            {
                if (attempt == Attempts)
                {
                    throw new BusinessException("Takeover:Conflict", "The visitor was writing at the same moment; try again.", 409);
                }

                // A visitor's turn saved first (its sequence, or the row's version): start again from what it left.
                db.ConversationMessages.Remove(message);
                await db.Conversations.Entry(conversation).ReloadAsync(cancellationToken);
            }
        }
    }

    private async Task<string?> UserNameAsync(Guid? userId, CancellationToken cancellationToken) =>
        userId is { } id
            ? await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.Email ?? u.UserName).FirstOrDefaultAsync(cancellationToken)
            : null;

    /// <summary>To PostgreSQL's microsecond precision, like the chat's own messages.</summary>
    private DateTimeOffset Now()
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
