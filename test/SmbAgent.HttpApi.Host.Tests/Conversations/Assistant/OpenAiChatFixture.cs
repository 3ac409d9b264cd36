using SmbAgent.TestKit.Stubs;

namespace SmbAgent.HttpApi.Tests.Conversations.Assistant;

/// <summary>
/// The API host with the assistant on the OpenAI stub (its own key and endpoint, so embeddings stay on the local
/// model and retrieval is the real one).
/// </summary>
public sealed class OpenAiChatFixture : IAsyncLifetime
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public OpenAiStubServer Stub { get; private set; } = null!;

    public ApiFixture Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Stub = await OpenAiStubServer.StartAsync();
        Api = new ApiFixture
        {
            Overrides =
            {
                ["Conversations:Assistant:ApiKey"] = "sk-stub",
                ["Conversations:Assistant:Endpoint"] = Stub.Endpoint.ToString(),
                ["Conversations:Assistant:Timeout"] = Timeout.ToString(),
            },
        };
        await Api.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await Stub.DisposeAsync();
    }
}
