using System.Net.Http.Json;
using System.Text.Json;

namespace SmbAgent.HttpApi.Tests.Conversations;

/// <summary>
/// The chat API carries what each agent reply means next to its text, so a widget draws an emergency banner, input
/// hints and choice buttons without reading sentences; the text stays what it was.
/// </summary>
public sealed class ChatReplyStructureTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task An_emergency_comes_with_the_business_phone_and_the_next_question_with_its_format()
    {
        var chat = await NewChatAsync();

        var turn = await chat.TurnAsync("My basement is flooding");

        var replies = turn.GetProperty("replies").EnumerateArray().ToList();
        replies.Count.ShouldBe(2);
        replies[0].GetProperty("text").GetString().ShouldBe("This sounds like an emergency. I'm alerting the team right now. If you can, also call us at +1 415 555 0100.");
        var emergency = replies[0].GetProperty("reply");
        emergency.GetProperty("kind").GetString().ShouldBe("emergency");
        emergency.GetProperty("level").GetString().ShouldBe("Urgent");
        emergency.GetProperty("businessPhone").GetString().ShouldBe("+1 415 555 0100");
        var question = replies[1].GetProperty("reply");
        question.GetProperty("kind").GetString().ShouldBe("question");
        question.GetProperty("format").GetString().ShouldBe("Phone");
        question.GetProperty("canSkip").GetBoolean().ShouldBeFalse();
        turn.GetProperty("message").GetProperty("reply").ValueKind.ShouldBe(JsonValueKind.Null, "the visitor's own message means nothing more than its text");
    }

    [Fact]
    public async Task A_wrong_answer_is_asked_again_with_its_hint_as_structure()
    {
        var chat = await NewChatAsync();
        await chat.TurnAsync("My basement is flooding");

        var turn = await chat.TurnAsync("call me maybe");

        var question = turn.GetProperty("replies").EnumerateArray().ShouldHaveSingleItem();
        var hint = question.GetProperty("reply").GetProperty("hint").GetString();
        hint.ShouldNotBeNullOrWhiteSpace();
        question.GetProperty("text").GetString().ShouldStartWith(hint + "\n");
    }

    [Fact]
    public async Task An_answer_and_a_question_it_cannot_answer_say_which_they_are()
    {
        var chat = await NewChatAsync();

        var answered = await chat.TurnAsync("When are you open on Saturday?");
        var unknown = await chat.TurnAsync("Who won the football world cup in 1966?");

        var answer = answered.GetProperty("replies").EnumerateArray().ToList();
        answer[0].GetProperty("reply").GetProperty("kind").GetString().ShouldBe("answer");
        answer[0].GetProperty("text").GetString().ShouldEndWith("Source: Plumbing FAQ");
        answer[1].GetProperty("reply").GetProperty("kind").GetString().ShouldBe("info");
        answer[1].GetProperty("reply").GetProperty("info").GetString().ShouldBe("anythingElse");
        var notFound = unknown.GetProperty("replies").EnumerateArray().ShouldHaveSingleItem().GetProperty("reply");
        notFound.GetProperty("kind").GetString().ShouldBe("notFound");
        notFound.GetProperty("suggestions").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_question_close_to_an_FAQ_but_not_close_enough_to_answer_suggests_its_FAQ_question()
    {
        var chat = await NewChatAsync();

        var turn = await chat.TurnAsync("When do you start in the morning?");

        var notFound = turn.GetProperty("replies").EnumerateArray().ShouldHaveSingleItem();
        var reply = notFound.GetProperty("reply");
        reply.GetProperty("kind").GetString().ShouldBe("notFound");
        reply.GetProperty("suggestions").EnumerateArray().Select(s => s.GetString()).ShouldBe(["What are your opening hours?"]);
        notFound.GetProperty("text").GetString().ShouldBe(
            "I'm sorry, I don't have that information. Did you mean: What are your opening hours?\nWould you like to leave your details so the team can get back to you?");
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_reply_of_each_message()
    {
        var document = await fixture.Factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var schemas = document.GetProperty("components").GetProperty("schemas");
        var message = schemas.GetProperty("ChatMessageDto").GetProperty("properties");
        message.TryGetProperty("reply", out _).ShouldBeTrue();
        var reply = schemas.GetProperty("ChatReplyDto").GetProperty("properties");
        foreach (var field in new[] { "kind", "info", "format", "choices", "canSkip", "hint", "level", "businessPhone", "suggestions", "confidence" })
        {
            reply.TryGetProperty(field, out _).ShouldBeTrue(field);
        }
    }

    private async Task<ChatClient> NewChatAsync()
    {
        var chat = new ChatClient(fixture.Factory.CreateClient(), (await ChatBusinesses.CreateAsync(fixture)).WidgetKey);
        await chat.StartAsync();
        return chat;
    }
}
