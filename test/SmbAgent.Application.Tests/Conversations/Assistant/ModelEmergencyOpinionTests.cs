using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SmbAgent.Conversations;
using SmbAgent.Conversations.Assistant;
using SmbAgent.Workspace;

namespace SmbAgent.Application.Tests.Conversations.Assistant;

public sealed class ModelEmergencyOpinionTests
{
    private static readonly AssistantOptions Options = new() { Timeout = TimeSpan.FromSeconds(30), EmergencyTimeout = TimeSpan.FromMilliseconds(200) };

    [Fact]
    public async Task The_emergency_check_has_its_own_short_budget_and_past_it_gives_no_opinion()
    {
        var watch = Stopwatch.StartNew();

        var opinion = await Assistant(new ModelClient(async (_, ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(20), ct);
            return """{"level":"normal","reason":"other"}""";
        })).JudgeEmergencyAsync("My basement is flooding", BusinessType.Plumbing, CancellationToken.None);

        opinion.ShouldBeNull();
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5), "cut at EmergencyTimeout, not at the 30 s Timeout");
    }

    [Fact]
    public async Task An_opinion_that_shows_the_prompt_is_no_opinion()
    {
        var prompts = new AssistantPrompts();
        var model = new ModelClient((_, _) => Task.FromResult($$"""{"level":"normal","reason":"other","note":"{{prompts.Canary}}"}"""));

        var opinion = await new ModelConversationAssistant(model, prompts, Microsoft.Extensions.Options.Options.Create(Options), NullLogger<ModelConversationAssistant>.Instance)
            .JudgeEmergencyAsync("My basement is flooding", BusinessType.Plumbing, CancellationToken.None);

        opinion.ShouldBeNull();
    }

    [Fact]
    public async Task The_trade_is_in_the_instructions_and_the_visitors_words_only_in_the_user_message()
    {
        IList<ChatMessage> sent = [];
        var opinion = await Assistant(new ModelClient((messages, _) =>
        {
            sent = messages;
            return Task.FromResult("""{"level":"high","reason":"outside_this_business"}""");
        })).JudgeEmergencyAsync("There's a fire in my building, can I break my lease?", BusinessType.Law, CancellationToken.None);

        opinion.ShouldNotBeNull().Level.ShouldBe(LeadPriority.High);
        opinion.Reason.ShouldBe("outside_this_business");
        sent.Select(m => m.Role).ShouldBe([ChatRole.System, ChatRole.User]);
        sent[0].Text.ShouldContain("a law firm");
        sent[0].Text.ShouldNotContain("lease");
        sent[1].Text.ShouldBe("""{"visitor_message":"There\u0027s a fire in my building, can I break my lease?"}""");
    }

    private static ModelConversationAssistant Assistant(IChatClient model) =>
        new(model, new AssistantPrompts(), Microsoft.Extensions.Options.Options.Create(Options), NullLogger<ModelConversationAssistant>.Instance);

    private sealed class ModelClient(Func<IList<ChatMessage>, CancellationToken, Task<string>> respond) : IChatClient
    {
        public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            new(new ChatMessage(ChatRole.Assistant, await respond([.. messages], cancellationToken)));

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
