using SmbAgent.Data;
using SmbAgent.Tenancy;

namespace SmbAgent.Conversations;

/// <summary>
/// One chat or call, and the whole of its flow state: the engine reads and writes it here, never from the client.
/// The visitor holds only a random token, stored as its SHA-256 hash.
/// </summary>
public sealed class Conversation : IMultiTenant, IHasCreationTime
{
    private Conversation()
    {
        TokenHash = string.Empty;
        Language = string.Empty;
        Answers = [];
    }

    public Conversation(Guid id, Guid tenantId, ConversationChannel channel, string tokenHash, string language)
    {
        Id = id;
        TenantId = tenantId;
        Channel = channel;
        TokenHash = tokenHash;
        Language = language;
        Priority = LeadPriority.Normal;
        Answers = [];
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    Guid? IMultiTenant.TenantId => TenantId;

    public ConversationChannel Channel { get; private set; }

    public string TokenHash { get; private set; }

    /// <summary>The caller's number on the phone; a hashed network identity in chat.</summary>
    public string? Visitor { get; set; }

    public string Language { get; set; }

    public ConversationState State { get; set; }

    /// <summary>The lead question being asked, during lead capture.</summary>
    public Guid? CurrentQuestionId { get; set; }

    /// <summary>Whether the current question was already asked again after an invalid answer.</summary>
    public bool Reasked { get; set; }

    public List<CollectedAnswer> Answers { get; set; }

    /// <summary>The agent couldn't answer and offered to take details; a "yes" next starts lead capture.</summary>
    public bool AwaitingDetailsConsent { get; set; }

    /// <summary>Whether this conversation was counted against the monthly quota (at the visitor's first message).</summary>
    public bool Counted { get; set; }

    /// <summary>The monthly quota was used up when it started: only an emergency is still handled.</summary>
    public bool OverQuota { get; set; }

    public LeadPriority Priority { get; set; }

    /// <summary>Set once an emergency was detected: lead capture then asks only the essential questions.</summary>
    public bool IsEmergency { get; set; }

    public Guid? LeadId { get; set; }

    /// <summary>The number of messages, which is also the last one's sequence: every writer appends at the next one.</summary>
    public int MessageCount { get; set; }

    /// <summary>When the visitor asked for a person and nobody has taken over since: the team was notified once for it.</summary>
    public DateTimeOffset? HumanRequestedTime { get; set; }

    /// <summary>During a takeover, the state the agent resumes when the chat is handed back.</summary>
    public ConversationState? ResumeState { get; private set; }

    /// <summary>The team member who took over, while <see cref="ConversationState.HandOff"/>.</summary>
    public Guid? TakenOverByUserId { get; private set; }

    public DateTimeOffset CreationTime { get; set; }

    public DateTimeOffset LastActivityTime { get; set; }

    /// <summary>A person from the business answers from now on; the agent stays silent until <see cref="HandBack"/>.</summary>
    public void TakeOver(Guid userId)
    {
        if (State != ConversationState.HandOff)
        {
            ResumeState = State;
            State = ConversationState.HandOff;
        }

        TakenOverByUserId = userId;
        HumanRequestedTime = null;
    }

    /// <summary>The agent answers again, where it left off (the open chat, or the lead question it was asking).</summary>
    public void HandBack()
    {
        State = ResumeState ?? (LeadId is null ? ConversationState.Open : ConversationState.Completed);
        ResumeState = null;
        TakenOverByUserId = null;
    }

    /// <summary>
    /// The row version (PostgreSQL's <c>xmin</c>): a turn saves only over the version it started from, so a turn that
    /// read a stale cached copy, or raced another turn or the owner, fails instead of overwriting newer state.
    /// </summary>
    public uint Version { get; private set; }
}
