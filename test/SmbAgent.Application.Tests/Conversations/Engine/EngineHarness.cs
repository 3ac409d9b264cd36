using Microsoft.Extensions.Time.Testing;
using SmbAgent.Application.Tests.Conversations.Emergencies;
using SmbAgent.Conversations;
using SmbAgent.Conversations.Assistant;
using SmbAgent.Conversations.Chat;
using SmbAgent.Conversations.Engine;
using SmbAgent.Conversations.LeadCapture;
using SmbAgent.Conversations.Replies;
using SmbAgent.Conversations.Turns;
using SmbAgent.Conversations.Voice;
using SmbAgent.KnowledgeBase.Search;
using SmbAgent.Leads;
using SmbAgent.Workspace;

namespace SmbAgent.Application.Tests.Conversations.Engine;

/// <summary>
/// The engine as a turn runs it, with the real emergency detection (the local model) and lead validation, the local
/// assistant and a knowledge base of one FAQ passage: a conversation and its settings, turn after turn.
/// </summary>
internal sealed class EngineHarness : IDisposable
{
    /// <summary>A Monday morning, when the default week is open.</summary>
    public static readonly DateTimeOffset OpenTime = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    /// <summary>A Sunday, when it is closed until Monday.</summary>
    public static readonly DateTimeOffset ClosedTime = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

    public static readonly KnowledgePassage OpeningHours = new(
        Guid.NewGuid(), Guid.NewGuid(), "Plumbing FAQ", "What are your opening hours?", null,
        "What are your opening hours?\nWe are open Monday to Friday from 8 am to 6 pm.", 0.9, 0.82, null);

    private static readonly Guid TenantId = Guid.NewGuid();

    private readonly EmergencyDetectionHost detection = new();
    private readonly ConversationEngine engine;

    public EngineHarness(string language = "en", IReadOnlyList<LeadQuestion>? questions = null, ConversationChannel channel = ConversationChannel.Chat)
    {
        engine = new ConversationEngine(new OneFaq(), detection.Detector, new LeadAnswerValidator(new FakeTimeProvider(OpenTime)), new LocalConversationAssistant(), new TurnTimer());
        Conversation = new Conversation(Guid.NewGuid(), TenantId, channel, new string('a', 64), language);
        Profile = new BusinessProfile(Guid.NewGuid(), TenantId, BusinessType.Plumbing, "UTC", "US") { Phone = "+1 415 555 0100" };
        Agent = new AgentSettings(Guid.NewGuid(), TenantId, "Acme Plumbing");
        Questions = questions ?? [.. StarterLeadQuestions.For(BusinessType.Plumbing).Select((s, i) => Question(s.Text, s.Format, i, s.IsRequired, s.MapsTo, s.IsEssentialForEmergency))];
    }

    public Conversation Conversation { get; }

    public BusinessProfile Profile { get; }

    public AgentSettings Agent { get; }

    public IReadOnlyList<LeadQuestion> Questions { get; }

    public DateTimeOffset Now { get; set; } = OpenTime;

    public bool OverQuota { get; set; }

    public Task<TurnOutcome> SayAsync(string text) =>
        engine.HandleAsync(Conversation, text, new TurnSettings(Profile, Agent, Questions, Now, OverQuota), CancellationToken.None);

    /// <summary>What the conversation's channel says for the turn, as a turn renders it.</summary>
    public async Task<IReadOnlyList<string>> SayAndHearAsync(string text)
    {
        var outcome = await SayAsync(text);
        IReplyRenderer renderer = Conversation.Channel == ConversationChannel.Voice ? new VoiceReplyRenderer() : new ChatReplyRenderer();
        var context = new ReplyContext(Conversation.Language, Agent.Language);
        return [.. outcome.Replies.Select(reply => renderer.Render(reply, context).Text)];
    }

    public static LeadQuestion Question(
        string text, LeadQuestionFormat format, int position, bool required, LeadField mapsTo = LeadField.Custom, bool essential = false, params string[] options) =>
        new(Guid.NewGuid(), TenantId, text, format, position)
        {
            IsRequired = required,
            MapsTo = mapsTo,
            CustomFieldName = mapsTo == LeadField.Custom ? text : null,
            IsEssentialForEmergency = essential,
            Options = [.. options],
        };

    public void Dispose() => detection.Dispose();

    /// <summary>Knows the opening hours only: enough to tell an answer from a question it can't answer.</summary>
    private sealed class OneFaq : IKnowledgeSearch
    {
        public Task<KnowledgeSearchResult> SearchAsync(string question, int top = 5, CancellationToken cancellationToken = default) =>
            Task.FromResult(question.Contains("open", StringComparison.OrdinalIgnoreCase)
                ? new KnowledgeSearchResult(true, [OpeningHours])
                : KnowledgeSearchResult.NotFound);
    }
}
