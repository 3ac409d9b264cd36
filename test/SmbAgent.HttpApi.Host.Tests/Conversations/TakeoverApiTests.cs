using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Conversations;
using SmbAgent.Conversations.Takeover;
using SmbAgent.Data;
using SmbAgent.Notifications;
using SmbAgent.Tenancy;
using SmbAgent.TestKit;
using SmbAgent.Workspace;

namespace SmbAgent.HttpApi.Tests.Conversations;

/// <summary>
/// A visitor asking for a person, and the team taking the chat over, through the widget's API (the admin's side
/// through <see cref="TakeoverAppService"/>, as its pages call it) with the real engine and job server.
/// </summary>
public sealed class TakeoverApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Asking_for_a_person_twice_notifies_the_team_once_and_the_notification_is_delivered()
    {
        var business = await NewBusinessAsync(withQuestions: false);
        var chat = new ChatClient(fixture.Factory.CreateClient(), business.WidgetKey);
        await chat.StartAsync();

        var first = await chat.SayAsync("Can I talk to a real person?");
        var second = await chat.SayAsync("I want to speak to someone please");

        first.ShouldContain("I'll let the team know you'd like to talk to a person.");
        second.ShouldContain("I'll let the team know you'd like to talk to a person.");
        var conversation = await ConversationAsync(business.TenantId);
        conversation.HumanRequestedTime.ShouldNotBeNull();
        var delivery = await WaitForHumanRequestDeliveryAsync(business.TenantId);
        (delivery.ConversationId, delivery.LeadId, delivery.Channel, delivery.Recipient).ShouldBe((conversation.Id, null, NotificationChannel.Email, business.OwnerEmail));
        delivery.Status.ShouldBe(DeliveryStatus.Sent);
    }

    [Fact]
    public async Task During_a_takeover_the_agent_is_silent_the_visitor_polls_the_owners_messages_and_after_hand_back_the_agent_answers_again()
    {
        var business = await NewBusinessAsync(withQuestions: false);
        var chat = new ChatClient(fixture.Factory.CreateClient(), business.WidgetKey);
        await chat.StartAsync();
        (await chat.SayAsync("Hello")).ShouldNotBeEmpty();
        var seen = LastSequence(await chat.TranscriptAsync());
        var conversationId = (await ConversationAsync(business.TenantId)).Id;

        await TakeoverAsync(business, (s, userId) => s.TakeOverAsync(conversationId, userId));
        var unanswered = await SendAsync(chat, "Is anyone there?");
        await TakeoverAsync(business, (s, _) => s.SendAsync(conversationId, new OwnerMessageDto { Text = "  Hi, this is Sam from the team.  " }));
        var polled = await PollAsync(chat, seen);
        var nothingNew = await PollAsync(chat, LastSequence(polled));
        await TakeoverAsync(business, (s, _) => s.HandBackAsync(conversationId));
        var answered = await SendAsync(chat, "Hello");

        unanswered.GetProperty("replies").GetArrayLength().ShouldBe(0);
        unanswered.GetProperty("state").GetString().ShouldBe("HandOff");
        polled.GetProperty("state").GetString().ShouldBe("HandOff");
        Messages(polled).ShouldBe([
            (seen + 1, "Agent", "You're now chatting with a person from the team."),
            (seen + 2, "Visitor", "Is anyone there?"),
            (seen + 3, "Owner", "Hi, this is Sam from the team."),
        ]);
        nothingNew.GetProperty("messages").GetArrayLength().ShouldBe(0);
        answered.GetProperty("state").GetString().ShouldBe("Open");
        answered.GetProperty("replies")[0].GetProperty("text").GetString().ShouldBe("Hi! How can I help you today?");
        Messages(await PollAsync(chat, seen + 3))[0].ShouldBe((seen + 4, "Agent", "You're back with the assistant."));
    }

    [Fact]
    public async Task Handed_back_in_the_middle_of_taking_details_the_agent_asks_its_question_again_and_carries_on()
    {
        var business = await NewBusinessAsync(withQuestions: true);
        var chat = new ChatClient(fixture.Factory.CreateClient(), business.WidgetKey);
        await chat.StartAsync();
        (await chat.SayAsync("Can I talk to a real person?")).ShouldEndWith("What's your name?");
        var conversationId = (await ConversationAsync(business.TenantId)).Id;

        await TakeoverAsync(business, (s, userId) => s.TakeOverAsync(conversationId, userId));
        (await ConversationAsync(business.TenantId)).HumanRequestedTime.ShouldBeNull();
        await TakeoverAsync(business, (s, _) => s.HandBackAsync(conversationId));
        var transcript = await chat.TranscriptAsync();
        var next = await chat.SayAsync("Maria Lopez");

        transcript.GetProperty("state").GetString().ShouldBe("LeadCapture");
        Messages(transcript)[^1].Text.ShouldBe("You're back with the assistant. What's your name?");
        next.ShouldBe("What's the best phone number to reach you?");
        (await ConversationAsync(business.TenantId)).Answers.ShouldHaveSingleItem().Value.ShouldBe("Maria Lopez");
    }

    [Fact]
    public async Task The_owner_cannot_write_before_taking_over_nor_hand_back_twice()
    {
        var business = await NewBusinessAsync(withQuestions: false);
        var chat = new ChatClient(fixture.Factory.CreateClient(), business.WidgetKey);
        await chat.StartAsync();
        var conversationId = (await ConversationAsync(business.TenantId)).Id;

        var write = await Should.ThrowAsync<BusinessException>(() => TakeoverAsync(business, (s, _) => s.SendAsync(conversationId, new OwnerMessageDto { Text = "Hi" })));
        var handBack = await Should.ThrowAsync<BusinessException>(() => TakeoverAsync(business, (s, _) => s.HandBackAsync(conversationId)));

        (write.Code, write.Status).ShouldBe(("Takeover:NotTakenOver", 409));
        (handBack.Code, handBack.Status).ShouldBe(("Takeover:NotTakenOver", 409));
        (await chat.TranscriptAsync()).GetProperty("messages").GetArrayLength().ShouldBe(1);
    }

    private sealed record Business(Guid TenantId, string WidgetKey, string OwnerEmail, Guid OwnerId);

    [Theory]
    [InlineData("abc")]
    [InlineData("99999999999")]
    public async Task A_poll_after_something_other_than_a_sequence_number_is_refused_with_a_problem(string after)
    {
        var business = await NewBusinessAsync(withQuestions: false);
        var chat = new ChatClient(fixture.Factory.CreateClient(), business.WidgetKey);
        await chat.StartAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, $"{chat.Base}/current?after={after}");
        request.Headers.Add("X-Conversation-Token", chat.Token);
        using var response = await fixture.Factory.CreateClient().SendAsync(request);

        ((int)response.StatusCode).ShouldBe(400);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    private static Task<JsonElement> SendAsync(ChatClient chat, string text) => ReadAsync(chat.PostAsync(new { text, idempotencyKey = Guid.NewGuid().ToString("N") }));

    private static async Task<JsonElement> ReadAsync(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<JsonElement> PollAsync(ChatClient chat, int after)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{chat.Base}/current?after={after}");
        request.Headers.Add("X-Conversation-Token", chat.Token);
        return await ReadAsync(fixture.Factory.CreateClient().SendAsync(request));
    }

    private static int LastSequence(JsonElement transcript) => Messages(transcript)[^1].Sequence;

    private static List<(int Sequence, string Role, string Text)> Messages(JsonElement transcript) =>
        [.. transcript.GetProperty("messages").EnumerateArray().Select(m => (m.GetProperty("sequence").GetInt32(), m.GetProperty("role").GetString()!, m.GetProperty("text").GetString()!))];

    private async Task TakeoverAsync(Business business, Func<TakeoverAppService, Guid, Task> action)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        using var tenant = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(business.TenantId);
        await action(scope.ServiceProvider.GetRequiredService<TakeoverAppService>(), business.OwnerId);
    }

    /// <summary>A business with an email contact; without lead questions, a request for a person finishes the lead at once.</summary>
    private async Task<Business> NewBusinessAsync(bool withQuestions)
    {
        var owner = await fixture.CreateTenantAsync();
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        using var tenant = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(owner.TenantId);
        var db = scope.ServiceProvider.GetRequiredService<ISmbAgentDbContext>();
        var profile = await db.BusinessProfiles.FirstAsync();
        profile.Contacts = [new NotificationContact(ContactKind.Email, owner.Email, "Owner")];
        if (!withQuestions)
        {
            db.LeadQuestions.RemoveRange(await db.LeadQuestions.ToListAsync());
        }

        await db.SaveChangesAsync();
        var widgetKey = await db.Tenants.Where(t => t.Id == owner.TenantId).Select(t => t.WidgetKey).SingleAsync();
        var ownerId = await db.Users.Where(u => u.Email == owner.Email).Select(u => u.Id).SingleAsync();
        return new Business(owner.TenantId, widgetKey, owner.Email, ownerId);
    }

    private async Task<Conversation> ConversationAsync(Guid tenantId)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        using var tenant = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId);
        return await scope.ServiceProvider.GetRequiredService<ISmbAgentDbContext>().Conversations.AsNoTracking().SingleAsync();
    }

    /// <summary>Polls until the job server sent the request's email; fails when a second one was written.</summary>
    private async Task<NotificationDelivery> WaitForHumanRequestDeliveryAsync(Guid tenantId)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            await using (var scope = fixture.Factory.Services.CreateAsyncScope())
            using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId))
            {
                var delivery = await scope.ServiceProvider.GetRequiredService<ISmbAgentDbContext>().NotificationDeliveries.AsNoTracking()
                    .SingleAsync(d => d.Kind == NotificationKind.HumanRequested);
                if (delivery.Status == DeliveryStatus.Sent || DateTimeOffset.UtcNow > deadline)
                {
                    return delivery;
                }
            }

            await Task.Delay(200);
        }
    }
}
