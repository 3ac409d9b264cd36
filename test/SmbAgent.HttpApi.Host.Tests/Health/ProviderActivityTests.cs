using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.HttpApi.Tests.Hosting;
using SmbAgent.TestKit.Stubs;

namespace SmbAgent.HttpApi.Tests.Health;

/// <summary><c>/health</c>'s providers: OpenAI's last success and failure as the app's own calls met them.</summary>
public sealed class ProviderActivityTests : IAsyncLifetime
{
    private OpenAiStubServer _openAi = null!;
    private ApiFixture _fixture = null!;

    public async Task InitializeAsync()
    {
        _openAi = await OpenAiStubServer.StartAsync();
        _fixture = new ApiFixture
        {
            Overrides = { ["OpenAI:ApiKey"] = "sk-test-key", ["OpenAI:Endpoint"] = _openAi.Endpoint.ToString() },
            TestServices = PeerAddress.AddTo,
        };
        await _fixture.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _fixture.DisposeAsync();
        await _openAi.DisposeAsync();
    }

    [Fact]
    public async Task OpenAI_calls_show_as_its_last_success_and_last_failure_and_health_itself_calls_nothing()
    {
        var client = _fixture.Factory.CreateClient();
        var (_, before) = await HealthTests.GetAsync(client, "/health");
        var callsBefore = _openAi.ChatCalls.Count;
        var chat = _fixture.Factory.Services.GetRequiredService<IChatClient>();

        await chat.GetResponseAsync("Hello");
        _openAi.ChatFailureStatus = 500;
        await Should.ThrowAsync<Exception>(() => chat.GetResponseAsync("Hello again"));
        var (_, after) = await HealthTests.GetAsync(client, "/health");
        await HealthTests.GetAsync(client, "/health");

        before.GetProperty("environment").GetProperty("providersConfigured").GetProperty("openAI").GetBoolean().ShouldBeTrue();
        var openAi = after.GetProperty("providers").GetProperty("openAI");
        openAi.GetProperty("lastSuccessTime").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-1));
        openAi.GetProperty("lastFailureTime").GetDateTimeOffset().ShouldBeGreaterThanOrEqualTo(openAi.GetProperty("lastSuccessTime").GetDateTimeOffset());
        openAi.GetProperty("lastError").GetString().ShouldBe("HTTP 500");
        _openAi.ChatCalls.Count.ShouldBe(callsBefore + 2, "only the two calls above reached the model, none from /health");
    }
}
