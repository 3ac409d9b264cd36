using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.EntityFrameworkCore;
using SmbAgent.Features;
using SmbAgent.Tenancy;
using SmbAgent.Usage;

namespace SmbAgent.HttpApi.Tests.Conversations.Quota;

/// <summary>The API host whose database refuses the messages <see cref="RefusedMessageInterceptor"/> names.</summary>
public sealed class ChatQuotaFixture : IAsyncLifetime
{
    public ApiFixture Api { get; } = new()
    {
        TestServices = services => services.ConfigureDbContext<SmbAgentDbContext>(options => options.AddInterceptors(new RefusedMessageInterceptor())),
    };

    public Task InitializeAsync() => Api.InitializeAsync();

    public Task DisposeAsync() => Api.DisposeAsync();

    public ChatClient Chat(ChatBusiness business) => new(Api.Factory.CreateClient(), business.WidgetKey);

    /// <summary>A chat business whose plan allows <paramref name="conversationsPerMonth"/> conversations a month.</summary>
    public async Task<ChatBusiness> BusinessWithQuotaAsync(int conversationsPerMonth)
    {
        var business = await ChatBusinesses.CreateAsync(Api);
        await using var scope = Api.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<FeatureManager>()
            .SetForTenantAsync(business.TenantId, SmbFeatures.Chat.MaxConversationsPerMonth, conversationsPerMonth.ToString(CultureInfo.InvariantCulture));
        return business;
    }

    /// <summary>The business's counter of conversations this month.</summary>
    public async Task<long> ConversationsThisMonthAsync(ChatBusiness business)
    {
        await using var scope = Api.Factory.Services.CreateAsyncScope();
        using var tenant = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(business.TenantId);
        return await scope.ServiceProvider.GetRequiredService<UsageQuota>().GetThisMonthAsync(UsageMetrics.Conversations);
    }
}
