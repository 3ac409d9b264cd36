using SmbAgent.HttpApi.Tests.Conversations;

namespace SmbAgent.HttpApi.Tests.Fuzzing;

/// <summary>
/// The API host for fuzzing: rate limits out of the way (a 429 would stop inputs before the code under test) and only
/// errors logged. One business with a widget, a started conversation and its owner's bearer client.
/// </summary>
public sealed class FuzzApiFixture : IAsyncLifetime
{
    public ApiFixture Api { get; } = new()
    {
        Overrides = new Dictionary<string, string?>
        {
            ["RateLimits:ConversationsPerHourPerAddress"] = "1000000",
            ["RateLimits:ConversationsPerHourPerBusiness"] = "1000000",
            ["Logging:LogLevel:Default"] = "Error",
        },
    };

    public ChatBusiness Business { get; private set; } = null!;

    public ChatClient Chat { get; private set; } = null!;

    public HttpClient Owner { get; private set; } = null!;

    public TenantOwner OwnerAccount { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Api.InitializeAsync();
        Business = await ChatBusinesses.CreateAsync(Api);
        Chat = new ChatClient(Api.Factory.CreateClient(), Business.WidgetKey);
        await Chat.StartAsync();
        OwnerAccount = await Api.CreateTenantAsync();
        Owner = await Api.ClientForAsync(OwnerAccount);
    }

    public async Task DisposeAsync()
    {
        Owner?.Dispose();
        await Api.DisposeAsync();
    }
}
