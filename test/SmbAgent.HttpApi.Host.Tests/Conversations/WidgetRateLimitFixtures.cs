using SmbAgent.HttpApi.Tests.Hosting;

namespace SmbAgent.HttpApi.Tests.Conversations;

/// <summary>The API host with low widget limits and no proxy configured; each request's peer is set by <see cref="PeerAddress"/>.</summary>
public sealed class LowWidgetLimitsFixture : IAsyncLifetime
{
    public ApiFixture Api { get; } = new()
    {
        Overrides =
        {
            ["RateLimits:ConversationsPerHourPerAddress"] = "2",
            ["RateLimits:ConversationsPerMinutePerBusiness"] = "3",
            ["RateLimits:MessagesPerMinutePerConversation"] = "3",
        },
        TestServices = PeerAddress.AddTo,
    };

    public Task InitializeAsync() => Api.InitializeAsync();

    public Task DisposeAsync() => Api.DisposeAsync();
}

/// <summary>As <see cref="LowWidgetLimitsFixture"/>, behind a known proxy and a known proxy network.</summary>
public sealed class BehindKnownProxyFixture : IAsyncLifetime
{
    public const string Proxy = "203.0.113.5";
    public const string ProxyNetwork = "10.20.0.0/16";

    public ApiFixture Api { get; } = new()
    {
        Overrides =
        {
            ["RateLimits:ConversationsPerHourPerAddress"] = "2",
            ["ForwardedHeaders:KnownProxies:0"] = Proxy,
            ["ForwardedHeaders:KnownNetworks:0"] = ProxyNetwork,
        },
        TestServices = PeerAddress.AddTo,
    };

    public Task InitializeAsync() => Api.InitializeAsync();

    public Task DisposeAsync() => Api.DisposeAsync();
}
