using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Conversations;
using SmbAgent.Data;
using SmbAgent.Leads;
using SmbAgent.Workspace;
using StackExchange.Redis;

namespace SmbAgent.HttpApi.Tests.Conversations;

/// <summary>
/// The conversation's hot state between turns (Redis, memory when Redis is down, PostgreSQL on a miss) and the
/// business's cached settings, through the chat API: whatever the cache holds, the flow goes on from the truth.
/// </summary>
public sealed class ConversationStateTests(ChatStateFixture fixture) : IClassFixture<ChatStateFixture>
{
    [Fact]
    public async Task Redis_killed_mid_lead_capture_and_the_conversation_continues()
    {
        var (tenantId, widgetKey) = await fixture.NewBusinessAsync();
        var chat = fixture.Chat(widgetKey);
        await chat.StartAsync();
        (await chat.SayAsync("I'd like a quote please")).ShouldEndWith("What's your name?");
        (await RedisKeysAsync("conversation-state")).ShouldNotBeEmpty("the hot state lives in Redis");

        await fixture.Redis.StopAsync();
        try
        {
            (await chat.SayAsync("Sam Carter")).ShouldBe("What's the best phone number to reach you?");

            // Nothing in memory either: rebuilt from PostgreSQL while Redis is still down.
            await fixture.EvictAsync(tenantId, chat.Token);
            (await chat.SayAsync("415 555 0111")).ShouldBe("What's your email address?");
        }
        finally
        {
            await fixture.Redis.StartAgainAsync();
        }

        (await chat.SayAsync("sam@example.com")).ShouldBe("How can we help?");
        (await chat.SayAsync("A new boiler")).ShouldContain("Thank you");

        var transcript = await chat.TranscriptAsync();
        transcript.GetProperty("state").GetString().ShouldBe("Completed");
        var lead = await fixture.InTenantAsync(tenantId, services =>
            services.GetRequiredService<ISmbAgentDbContext>().Leads.AsNoTracking().SingleAsync());
        lead.ContactName.ShouldBe("Sam Carter");
        lead.Phone.ShouldBe("+14155550111");
        lead.Email.ShouldBe("sam@example.com");
    }

    [Fact]
    public async Task After_an_eviction_the_next_turn_is_rebuilt_from_the_database_and_a_retry_still_gets_its_answer()
    {
        var (tenantId, widgetKey) = await fixture.NewBusinessAsync();
        var chat = fixture.Chat(widgetKey);
        await chat.StartAsync();
        (await chat.SayAsync("I'd like a quote please")).ShouldEndWith("What's your name?");
        var body = new { text = "Sam Carter", idempotencyKey = "name-key" };
        var first = await (await chat.PostAsync(body)).Content.ReadFromJsonAsync<JsonElement>();

        await fixture.EvictAsync(tenantId, chat.Token);
        var retry = await chat.PostAsync(body);
        await fixture.EvictAsync(tenantId, chat.Token);
        var next = await chat.SayAsync("415 555 0111");

        retry.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("replies").GetRawText().ShouldBe(first.GetProperty("replies").GetRawText());
        next.ShouldBe("What's your email address?");
        var messages = (await chat.TranscriptAsync()).GetProperty("messages").EnumerateArray().ToList();
        messages.Count(m => m.GetProperty("text").GetString() == "Sam Carter").ShouldBe(1);
        messages.Select(m => m.GetProperty("sequence").GetInt32()).ShouldBe(Enumerable.Range(1, messages.Count));
    }

    [Fact]
    public async Task A_change_made_behind_the_cache_is_not_overwritten_by_the_stale_copy()
    {
        var (tenantId, widgetKey) = await fixture.NewBusinessAsync();
        var chat = fixture.Chat(widgetKey);
        await chat.StartAsync();
        (await chat.SayAsync("When are you open on Saturday?")).ShouldContain("Saturdays from 9 am to 1 pm");

        // The owner takes the conversation over and nobody evicts: the cached copy still says Open.
        await fixture.ChangeConversationAsync(tenantId, chat.Token, c => c.State = ConversationState.HandOff);
        var reply = await chat.SayAsync("Are you open on Saturday?");

        reply.ShouldBeEmpty("the bot is silent while the owner has the conversation");
        var transcript = await chat.TranscriptAsync();
        transcript.GetProperty("state").GetString().ShouldBe("HandOff");
        transcript.GetProperty("messages").EnumerateArray().Last().GetProperty("text").GetString().ShouldBe("Are you open on Saturday?");
    }

    [Fact]
    public async Task Two_messages_sent_at_once_are_both_stored_in_turn()
    {
        var (_, widgetKey) = await fixture.NewBusinessAsync();
        var chat = fixture.Chat(widgetKey);
        await chat.StartAsync();
        await chat.SayAsync("hello");

        var responses = await Task.WhenAll(
            chat.PostAsync(new { text = "When are you open on Saturday?", idempotencyKey = "parallel-1" }),
            chat.PostAsync(new { text = "Are you open on Saturday?", idempotencyKey = "parallel-2" }));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        var messages = (await chat.TranscriptAsync()).GetProperty("messages").EnumerateArray().ToList();
        messages.Count(m => m.GetProperty("role").GetString() == "Visitor").ShouldBe(3);
        messages.Select(m => m.GetProperty("sequence").GetInt32()).ShouldBe(Enumerable.Range(1, messages.Count));
    }

    [Fact]
    public async Task An_edited_lead_question_is_asked_in_the_next_conversation()
    {
        var (tenantId, widgetKey) = await fixture.NewBusinessAsync();
        var before = fixture.Chat(widgetKey);
        await before.StartAsync();
        (await before.SayAsync("I'd like a quote please")).ShouldEndWith("What's your name?");

        await fixture.InTenantAsync(tenantId, async services =>
        {
            var questions = services.GetRequiredService<ILeadQuestionAppService>();
            var first = (await questions.GetListAsync())[0];
            return await questions.UpdateAsync(first.Id, new CreateUpdateLeadQuestionDto
            {
                Text = "Who are we talking to?",
                Format = first.Format,
                IsRequired = first.IsRequired,
                MapsTo = first.MapsTo,
                IsEssentialForEmergency = first.IsEssentialForEmergency,
            });
        });
        var after = fixture.Chat(widgetKey);
        await after.StartAsync();

        (await after.SayAsync("I'd like a quote please")).ShouldEndWith("Who are we talking to?");
    }

    [Fact]
    public async Task An_edited_welcome_message_greets_the_next_visitor()
    {
        var (tenantId, widgetKey) = await fixture.NewBusinessAsync();
        await fixture.Chat(widgetKey).StartAsync();

        await fixture.InTenantAsync(tenantId, async services =>
        {
            var agent = services.GetRequiredService<AgentSettingsAppService>();
            var input = (await agent.GetAsync()).Input;
            input.WelcomeMessage = "Hello from the new desk!";
            input.Voice = null;
            input.VoiceLanguage = null;
            input.UsePremiumVoice = null;
            await agent.UpdateAsync(input);
            return input;
        });
        var started = await fixture.Chat(widgetKey).StartAsync();

        started.GetProperty("widget").GetProperty("welcomeMessage").GetString().ShouldBe("Hello from the new desk!");
    }

    private async Task<List<string>> RedisKeysAsync(string part)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(fixture.Redis.ConnectionString);
        var server = connection.GetServer(connection.GetEndPoints()[0]);
        return [.. server.Keys(pattern: $"*{part}*").Select(k => k.ToString())];
    }
}
