using SmbAgent.TestKit;
using SmbAgent.TestKit.Stubs;
using SmbAgent.TestKit.Twilio;

namespace SmbAgent.HttpApi.Tests.Voice.Calls;

/// <summary>
/// A call whose turns wait on a remote model (the OpenAI stub, held past the model's timeout): the gather answers
/// with a filler within the budget, and the wait webhook, on either of two instances, says the turn's answer.
/// </summary>
public sealed class SlowModelCallTests(SlowModelCallTests.Fixture fixture) : IClassFixture<SlowModelCallTests.Fixture>
{
    private static readonly TimeSpan AnswerWithin = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan WaitPerRequest = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task A_slow_model_gets_a_filler_at_once_and_any_instance_says_the_answer_when_it_is_done()
    {
        var business = await CallBusinesses.CreateAsync(fixture.Voice);
        await using var second = new HostFactory<Program>(fixture.Voice.Api.Factory.Database, fixture.Voice.Api.Overrides);
        var first = fixture.Voice.WebhooksOf(business.AccountSid, business.AuthToken);
        var other = TwilioWebhookClient.For(second, business.AccountSid, business.AuthToken);
        var call = new CallClient(first, business.Number);
        await call.IncomingAsync(first);
        fixture.Model.Delay = TimeSpan.FromSeconds(30);

        // The filler itself says the gather didn't wait for the turn: it is only answered while the turn still runs.
        var reply = await call.SayAsync("What are your opening hours?", first);
        Twiml.Verbs(reply).ShouldBe(["Say", "Redirect"]);
        Twiml.Said(reply).ShouldBe("One moment, please.");

        var waits = 0;
        var instances = new[] { other, first };
        while (Twiml.Gather(reply) is null)
        {
            var wait = Twiml.Redirect(reply)!;
            wait.AbsolutePath.ShouldBe("/api/voice/wait");
            (++waits).ShouldBeLessThan(6, "the turn's answer comes within the waits");
            reply = await call.PostAsync(instances[waits % 2 == 1 ? 0 : 1], wait.PathAndQuery, []);
        }

        Twiml.Said(reply).ShouldContain("Saturdays from 9 am to 1 pm");
        Twiml.GatherAction(reply)!.Query.ShouldContain("turn=2");
        fixture.Model.ChatCalls.ShouldNotBeEmpty("the turn asked the model");
    }

    [Fact]
    public async Task A_turn_whose_answer_never_comes_is_apologised_for_and_the_caller_asked_again_as_a_new_turn()
    {
        var business = await CallBusinesses.CreateAsync(fixture.Voice);
        var webhooks = fixture.Voice.WebhooksOf(business.AccountSid, business.AuthToken);
        var call = new CallClient(webhooks, business.Number);
        await call.IncomingAsync();

        // The last wait for a turn no instance is running: nothing will ever be written for it.
        var reply = await call.PostAsync(null, $"/api/voice/wait?turn=1&wait={Fixture.MaxWaits}", []);

        Twiml.Said(reply).ShouldStartWith("I'm sorry, something went wrong on our side. Sorry, I didn't catch that.");
        Twiml.GatherAction(reply)!.Query.ShouldContain("turn=2");
    }

    [Theory]
    [InlineData("/api/voice/wait?wait=1")]
    [InlineData("/api/voice/wait?turn=1&wait=0")]
    [InlineData("/api/voice/wait?turn=1&wait=1&question=not-a-guid")]
    public async Task A_wait_with_a_bad_query_is_a_400(string pathAndQuery)
    {
        var business = await CallBusinesses.CreateAsync(fixture.Voice);
        var call = new CallClient(fixture.Voice.WebhooksOf(business.AccountSid, business.AuthToken), business.Number);

        using var response = await call.PostRawAsync(pathAndQuery, []);

        ((int)response.StatusCode).ShouldBe(400);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    /// <summary>The voice host with its assistant on the OpenAI stub (embeddings stay local) and a short turn budget.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public const int MaxWaits = 4;

        public OpenAiStubServer Model { get; private set; } = null!;

        public VoiceApiFixture Voice { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Model = await OpenAiStubServer.StartAsync();
            Voice = new VoiceApiFixture
            {
                Overrides =
                {
                    ["Conversations:Assistant:ApiKey"] = "sk-stub",
                    ["Conversations:Assistant:Endpoint"] = Model.Endpoint.ToString(),
                    // Past it each model call gives up and the local rules answer: the turn takes a few of these.
                    ["Conversations:Assistant:Timeout"] = "00:00:01.500",
                    ["Voice:TurnBudget:AnswerWithin"] = AnswerWithin.ToString(),
                    ["Voice:TurnBudget:WaitPerRequest"] = WaitPerRequest.ToString(),
                    ["Voice:TurnBudget:MaxWaits"] = MaxWaits.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["Voice:TurnBudget:PollInterval"] = "00:00:00.050",
                },
            };
            await Voice.InitializeAsync();
        }

        public async Task DisposeAsync()
        {
            await Voice.DisposeAsync();
            await Model.DisposeAsync();
        }
    }
}
