namespace SmbAgent.HttpApi.Tests.Conversations;

/// <summary>What the owner writes in the agent's settings is what the agent says, in the owner's language.</summary>
public sealed class AgentSettingsChatTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task The_owners_chat_completion_message_thanks_the_visitor_for_a_finished_lead()
    {
        const string Thanks = "Cheers! Mario will ring you back before lunch.";
        var chat = await NewChatAsync(s => s.ChatCompletionMessage = Thanks);

        await chat.SayAsync("I'd like a quote for a new water heater");
        await chat.SayAsync("Bo Smith");
        await chat.SayAsync("+1 415 555 0189");
        await chat.SayAsync("skip");
        var done = await chat.SayAsync("A gas water heater for a family of four");

        done.ShouldBe(Thanks);
    }

    [Fact]
    public async Task The_owners_emergency_message_is_said_in_an_emergency_with_the_business_phone_still_there()
    {
        const string Emergency = "Turn off the main water valve under the kitchen sink now.";
        var chat = await NewChatAsync(s => s.EmergencyMessage = Emergency);

        var alarm = await chat.SayAsync("My basement is flooding");

        alarm.ShouldStartWith("This sounds like an emergency. I'm alerting the team right now. If you can, also call us at +1 415 555 0100.");
        alarm.ShouldContain(Emergency);
    }

    [Fact]
    public async Task A_visitor_in_another_language_gets_the_agents_own_words_in_theirs()
    {
        var chat = await NewChatAsync(s => s.EmergencyMessage = "Turn off the main water valve now.", language: "fr");

        var alarm = await chat.SayAsync("Ma cave est inondée");

        alarm.ShouldContain("urgence");
        alarm.ShouldNotContain("valve");
    }

    private async Task<ChatClient> NewChatAsync(Action<SmbAgent.Workspace.AgentSettingsInput> change, string? language = null)
    {
        var business = await ChatBusinesses.CreateAsync(fixture);
        await AgentSettingsChanges.ChangeAsync(fixture, business.TenantId, change);
        var chat = new ChatClient(fixture.Factory.CreateClient(), business.WidgetKey);
        await chat.StartAsync(language);
        return chat;
    }
}
