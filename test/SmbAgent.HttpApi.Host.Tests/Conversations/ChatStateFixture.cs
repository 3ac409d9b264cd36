using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Conversations;
using SmbAgent.Conversations.State;
using SmbAgent.Data;
using SmbAgent.Tenancy;
using SmbAgent.TestKit;

namespace SmbAgent.HttpApi.Tests.Conversations;

/// <summary>The API host on a private Redis the tests may stop, counting each turn's database round trips.</summary>
public sealed class ChatStateFixture : IAsyncLifetime
{
    private ApiFixture _api = null!;

    public RedisServer Redis { get; private set; } = null!;

    public TurnRoundTrips RoundTrips { get; } = new();

    public HostFactory<Program> Factory => _api.Factory;

    public async Task InitializeAsync()
    {
        Redis = await RedisServer.StartAsync();
        _api = new ApiFixture
        {
            Overrides = { ["ConnectionStrings:Redis"] = Redis.ConnectionString },
            TestServices = services => services.AddSingleton<IStartupFilter>(RoundTrips),
        };
        await _api.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await Redis.DisposeAsync();
        RoundTrips.Dispose();
    }

    public ChatClient Chat(string widgetKey) => new(Factory.CreateClient(), widgetKey);

    /// <summary>A business with a phone number, an email contact and an indexed FAQ; returns its widget key.</summary>
    public async Task<(Guid TenantId, string WidgetKey)> NewBusinessAsync()
    {
        var business = await ChatBusinesses.CreateAsync(_api);
        return (business.TenantId, business.WidgetKey);
    }

    /// <summary>Changes the conversation in the database behind the cache's back, as code outside a turn does.</summary>
    public Task ChangeConversationAsync(Guid tenantId, string token, Action<Conversation> change) =>
        InTenantAsync(tenantId, async services =>
        {
            var db = services.GetRequiredService<ISmbAgentDbContext>();
            var hash = ConversationTokens.Hash(token);
            change(await db.Conversations.SingleAsync(c => c.TokenHash == hash));
            return await db.SaveChangesAsync();
        });

    /// <summary>What the admin does after changing a conversation: drop its cached state, knowing tenant and id only.</summary>
    public Task EvictAsync(Guid tenantId, string token) =>
        InTenantAsync(tenantId, async services =>
        {
            var hash = ConversationTokens.Hash(token);
            var id = await services.GetRequiredService<ISmbAgentDbContext>().Conversations.Where(c => c.TokenHash == hash).Select(c => c.Id).SingleAsync();
            await services.GetRequiredService<ConversationStateCache>().EvictAsync(tenantId, id);
            return id;
        });

    /// <summary>Runs <paramref name="action"/> in a scope of the host, as the tenant.</summary>
    public Task<T> InTenantAsync<T>(Guid tenantId, Func<IServiceProvider, Task<T>> action) => Factory.Services.InTenantAsync(tenantId, action);
}
