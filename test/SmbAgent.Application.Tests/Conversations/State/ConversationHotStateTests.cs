using System.Buffers;
using System.Text.Json;
using SmbAgent.Caching;
using SmbAgent.Conversations;
using SmbAgent.Conversations.Turns;
using SmbAgent.Conversations.Replies;
using SmbAgent.Conversations.State;
using SmbAgent.Leads;
using SmbAgent.Workspace;

namespace SmbAgent.Application.Tests.Conversations.State;

public sealed class ConversationHotStateTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_new_conversation_knows_every_key_so_a_new_key_needs_no_lookup()
    {
        var state = ConversationHotState.New(NewConversation());

        state.MayHaveReceived("k1").ShouldBeFalse();
        state.FindTurn("k1").ShouldBeNull();
        state.VisitorMessagesSince(Start.AddMinutes(-1)).ShouldBe(0);
    }

    [Fact]
    public void A_saved_turn_is_replayed_as_it_was_returned_and_counts_for_the_minute()
    {
        var turn = Turn(2, Start);

        var state = ConversationHotState.New(NewConversation()).After(NewConversation(), turn, "k1");

        state.FindTurn("k1").ShouldBe(turn);
        state.MayHaveReceived("k1").ShouldBeTrue();
        state.MayHaveReceived("k2").ShouldBeFalse();
        state.VisitorMessagesSince(Start.AddMinutes(-1)).ShouldBe(1);
        state.VisitorMessagesSince(Start).ShouldBe(0);
    }

    [Fact]
    public void Past_the_kept_messages_an_unknown_key_may_be_an_old_one_and_old_replays_are_dropped()
    {
        var conversation = NewConversation();
        var state = ConversationHotState.New(conversation);
        for (var i = 0; i < ConversationHotState.KeptVisitorMessages + 1; i++)
        {
            state = state.After(conversation, Turn(2 + (2 * i), Start.AddSeconds(i)), $"k{i}");
        }

        state.VisitorMessages.Count.ShouldBe(ConversationHotState.KeptVisitorMessages);
        state.RecentTurns.Count.ShouldBe(ConversationHotState.KeptTurns);
        state.HasEveryVisitorMessage.ShouldBeFalse();
        state.MayHaveReceived("never-sent").ShouldBeTrue();
        state.FindTurn("k1").ShouldBeNull();
        state.FindTurn($"k{ConversationHotState.KeptVisitorMessages}").ShouldNotBeNull();
    }

    [Fact]
    public void Cached_entities_come_back_with_their_private_members()
    {
        var conversation = NewConversation();
        conversation.State = ConversationState.LeadCapture;
        conversation.Answers = [new CollectedAnswer(Guid.NewGuid(), "What's your name?", "Sam")];
        var agent = new AgentSettings(Guid.NewGuid(), conversation.TenantId, "Acme") { AgentName = "Ava" };

        var state = RoundTrip(ConversationHotState.New(conversation).After(conversation, Turn(2, Start), "k1"));
        var settings = RoundTrip(new WorkspaceSettings(null, agent, [], []));

        state.Conversation.Id.ShouldBe(conversation.Id);
        state.Conversation.TenantId.ShouldBe(conversation.TenantId);
        state.Conversation.TokenHash.ShouldBe(conversation.TokenHash);
        state.Conversation.State.ShouldBe(ConversationState.LeadCapture);
        state.Conversation.Answers.ShouldBe(conversation.Answers);
        JsonSerializer.Serialize(state.FindTurn("k1")).ShouldBe(JsonSerializer.Serialize(Turn(2, Start)), "replies and times exactly as first returned");
        settings.Agent.Id.ShouldBe(agent.Id);
        settings.Agent.TenantId.ShouldBe(agent.TenantId);
        settings.Agent.Persona.ShouldBe(agent.Persona);
    }

    private static T RoundTrip<T>(T value)
    {
        var serializer = new EntityJsonSerializer<T>();
        var buffer = new ArrayBufferWriter<byte>();
        serializer.Serialize(value, buffer);
        return serializer.Deserialize(new ReadOnlySequence<byte>(buffer.WrittenMemory));
    }

    private static Conversation NewConversation() =>
        new(Guid.Parse("0193a5a0-0000-7000-8000-000000000001"), Guid.Parse("0193a5a0-0000-7000-8000-0000000000aa"), ConversationChannel.Chat, new string('a', 64), "en");

    private static TurnResult Turn(int sequence, DateTimeOffset time) => new(
        new TurnMessage(sequence, MessageRole.Visitor, "hello", [], time),
        [
            new TurnMessage(sequence + 1, MessageRole.Agent, "Hi!", [new MessageCitation(Guid.Empty, "FAQ", "Hours", new Uri("https://example.com/faq"))], time, new InfoReply(InfoKind.Welcome)),
            new TurnMessage(sequence + 2, MessageRole.Agent, "When?", [], time, new QuestionReply(Guid.Empty, "When?", LeadQuestionFormat.Date, [], CanSkip: true, "Like 12/24")),
        ],
        ConversationState.Open,
        TurnHints.None with { Transfer = true });
}
