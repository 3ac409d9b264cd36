using SmbAgent.Conversations;
using SmbAgent.Conversations.Replies;
using SmbAgent.Data;
using SmbAgent.Leads;
using SmbAgent.Voice;

namespace SmbAgent.Application.Tests.Analytics;

/// <summary>Conversations, leads and calls written as the engine and the voice webhooks leave them, at chosen times.</summary>
public static class AnalyticsSeed
{
    public static readonly AgentReply Answer = new AnswerReply("We are open 8 to 6.", [], 0.9);

    public static readonly AgentReply NotFound = new NotFoundReply(true, []);

    /// <param name="turns">Each visitor message and the reply it got, one second apart.</param>
    public static Conversation AddConversation(
        ISmbAgentDbContext db,
        Guid tenantId,
        ConversationChannel channel,
        DateTimeOffset time,
        IReadOnlyList<(string Text, AgentReply Reply)> turns,
        LeadPriority? lead = null,
        bool counted = true)
    {
        var conversation = new Conversation(Guid.CreateVersion7(), tenantId, channel, Guid.NewGuid().ToString("N"), "en")
        {
            CreationTime = time,
            LastActivityTime = time,
            Counted = counted,
            State = ConversationState.Open,
        };
        db.Conversations.Add(conversation);
        var sequence = 0;
        var turnTime = time;
        foreach (var (text, reply) in turns)
        {
            db.ConversationMessages.Add(new ConversationMessage(Guid.CreateVersion7(), tenantId, conversation.Id, ++sequence, MessageRole.Visitor, text) { CreationTime = turnTime });
            db.ConversationMessages.Add(new ConversationMessage(Guid.CreateVersion7(), tenantId, conversation.Id, ++sequence, MessageRole.Agent, "…")
            {
                CreationTime = turnTime,
                Reply = StoredReplies.Write(reply),
            });
            turnTime = turnTime.AddSeconds(1);
        }

        conversation.MessageCount = sequence;
        if (lead is { } priority)
        {
            var row = new Lead(Guid.CreateVersion7(), tenantId, conversation.Id, channel, priority) { CreationTime = turnTime };
            db.Leads.Add(row);
            conversation.LeadId = row.Id;
            conversation.State = ConversationState.Completed;
            conversation.Priority = priority;
        }

        return conversation;
    }

    public static void AddCall(ISmbAgentDbContext db, Guid tenantId, DateTimeOffset time, string status, int? seconds, CallDirection direction = CallDirection.Inbound) =>
        db.CallLogs.Add(new CallLog(Guid.CreateVersion7(), tenantId, "CA" + Guid.NewGuid().ToString("N"), direction, "+14155550199", "+16285550100", status)
        {
            CreationTime = time,
            DurationSeconds = seconds,
        });
}
