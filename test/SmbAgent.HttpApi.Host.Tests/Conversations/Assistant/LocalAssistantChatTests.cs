using System.Net;
using System.Net.Http.Json;
using SmbAgent.Conversations;
using SmbAgent.Conversations.Assistant;
using SmbAgent.Notifications;
using SmbAgent.TestKit.Stubs;

namespace SmbAgent.HttpApi.Tests.Conversations.Assistant;

/// <summary>
/// No key configured: the local rules classify and the best passage is quoted. The widget API's checks that no
/// provider takes part in (an unknown key, invalid messages, who gets the lead) run here only.
/// </summary>
public sealed class LocalAssistantChatTests(ApiFixture fixture) : AssistantChatTests(fixture), IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Until_the_owner_lists_contacts_the_owners_account_address_gets_the_lead()
    {
        var business = await ChatBusinesses.CreateAsync(Fixture, withContacts: false);
        var chat = new ChatClient(Fixture.Factory.CreateClient(), business.WidgetKey);
        await chat.StartAsync();

        await chat.SayAsync("My basement is flooding");
        await chat.SayAsync("+1 415 555 0142");
        await chat.SayAsync("Water coming in under the door");

        var lead = await ChatBusinesses.LeadAsync(Fixture, business.TenantId);
        var delivery = await ChatBusinesses.WaitForDeliveryAsync(Fixture, business.TenantId, lead.Id);
        delivery.Recipient.ShouldBe(business.OwnerEmail);
        delivery.Status.ShouldBe(DeliveryStatus.Sent);
    }

    [Fact]
    public async Task An_unknown_widget_key_is_not_found()
    {
        var response = await Fixture.Factory.CreateClient().PostAsJsonAsync("/api/widget/wk_unknown/conversations", new { });

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Empty_or_too_long_messages_are_refused_with_a_problem()
    {
        var chat = await NewChatAsync();
        await chat.StartAsync();

        var empty = await chat.PostAsync(new { text = " ", idempotencyKey = "e1" });
        var tooLong = await chat.PostAsync(new { text = new string('a', ConversationConsts.MaxMessageLength + 1), idempotencyKey = "e2" });
        var noKey = await chat.PostAsync(new { text = "hello" });

        foreach (var response in new[] { empty, tooLong, noKey })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }
    }

    protected override IReadOnlyList<ChatCompletionCall>? ModelCalls => null;

    protected override string SmuggledQuestionReply =>
        "We are open Monday to Friday from 8 am to 6 pm, and Saturdays from 9 am to 1 pm.\n\nSource: Plumbing FAQ\nIs there anything else I can help with?";

    protected override void MakeModelHostile()
    {
        // No model to turn: the local provider is the fallback a hostile model ends in.
    }

    protected override void AssertNothingLeaked(IReadOnlyList<string> replies) =>
        replies.ShouldAllBe(r => !new AssistantPrompts().Leaks(r));
}
