using SmbAgent.Conversations.Assistant;

namespace SmbAgent.HttpApi.Tests.Conversations.Assistant;

/// <summary>No key configured: the local rules classify and the best passage is quoted.</summary>
public sealed class LocalAssistantChatTests(ApiFixture fixture) : AssistantChatTests(fixture), IClassFixture<ApiFixture>
{
    protected override string SmuggledQuestionReply =>
        "We are open Monday to Friday from 8 am to 6 pm, and Saturdays from 9 am to 1 pm.\n\nSource: Plumbing FAQ\nIs there anything else I can help with?";

    protected override void MakeModelHostile()
    {
        // No model to turn: the local provider is the fallback a hostile model ends in.
    }

    protected override void AssertNothingLeaked(IReadOnlyList<string> replies) =>
        replies.ShouldAllBe(r => !new AssistantPrompts().Leaks(r));
}
