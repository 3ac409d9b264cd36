namespace SmbAgent.HttpApi.Tests.Conversations.Length;

/// <summary>The API host with conversations capped at <see cref="MaxMessages"/> messages, short enough to reach.</summary>
public sealed class ConversationLengthFixture : IAsyncLifetime
{
    public const int MaxMessages = 12;

    public ApiFixture Api { get; } = new()
    {
        Overrides = { ["Conversations:MaxMessagesPerConversation"] = MaxMessages.ToString(System.Globalization.CultureInfo.InvariantCulture) },
    };

    public Task InitializeAsync() => Api.InitializeAsync();

    public Task DisposeAsync() => Api.DisposeAsync();

    public async Task<ChatClient> StartedChatAsync()
    {
        var business = await ChatBusinesses.CreateAsync(Api);
        var chat = new ChatClient(Api.Factory.CreateClient(), business.WidgetKey);
        await chat.StartAsync();
        return chat;
    }
}
