using Microsoft.Extensions.DependencyInjection;
using SmbAgent.TestKit;
using SmbAgent.Usage;

namespace SmbAgent.EntityFrameworkCore.Tests.Usage;

public sealed class UsageCounterStoreTests(CoreFixture fixture) : IClassFixture<CoreFixture>
{
    private static readonly DateOnly Month = new(2026, 11, 1);

    [Fact]
    public async Task Fifty_parallel_increments_count_exactly_fifty()
    {
        var tenant = await fixture.CreateTenantAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ =>
            fixture.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<IUsageCounterStore>().TryIncrementAsync(UsageMetrics.Conversations, Month, limit: 0))));
        var total = await fixture.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<IUsageCounterStore>().GetAsync(UsageMetrics.Conversations, Month));

        total.ShouldBe(50);
        results.Select(r => r!.Value).Order().ShouldBe(Enumerable.Range(1, 50).Select(i => (long)i));
    }

    [Fact]
    public async Task Parallel_increments_never_pass_the_limit()
    {
        var tenant = await fixture.CreateTenantAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ =>
            fixture.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<IUsageCounterStore>().TryIncrementAsync(UsageMetrics.Conversations, Month, limit: 30))));
        var total = await fixture.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<IUsageCounterStore>().GetAsync(UsageMetrics.Conversations, Month));

        results.Count(r => r is not null).ShouldBe(30);
        results.Count(r => r is null).ShouldBe(20);
        total.ShouldBe(30);
    }

    [Fact]
    public async Task Spent_usage_is_added_whole_and_in_parallel_even_past_a_limit_the_increments_keep()
    {
        var tenant = await fixture.CreateTenantAsync();
        await fixture.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<IUsageCounterStore>().TryIncrementAsync(UsageMetrics.VoiceMinutes, Month, limit: 10));

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            fixture.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<IUsageCounterStore>().AddAsync(UsageMetrics.VoiceMinutes, Month, 3))));
        var refused = await fixture.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<IUsageCounterStore>().TryIncrementAsync(UsageMetrics.VoiceMinutes, Month, limit: 10));
        var total = await fixture.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<IUsageCounterStore>().GetAsync(UsageMetrics.VoiceMinutes, Month));

        total.ShouldBe(31);
        refused.ShouldBeNull();
    }

    [Fact]
    public async Task Counters_are_per_tenant_and_per_month()
    {
        var a = await fixture.CreateTenantAsync();
        var b = await fixture.CreateTenantAsync();

        await fixture.InTenantAsync(a.Id, sp => sp.GetRequiredService<IUsageCounterStore>().TryIncrementAsync(UsageMetrics.Conversations, Month, 0));
        await fixture.InTenantAsync(a.Id, sp => sp.GetRequiredService<IUsageCounterStore>().TryIncrementAsync(UsageMetrics.Conversations, Month.AddMonths(1), 0));
        var inB = await fixture.InTenantAsync(b.Id, sp => sp.GetRequiredService<IUsageCounterStore>().GetAsync(UsageMetrics.Conversations, Month));
        var inA = await fixture.InTenantAsync(a.Id, sp => sp.GetRequiredService<IUsageCounterStore>().GetAsync(UsageMetrics.Conversations, Month));

        inA.ShouldBe(1);
        inB.ShouldBe(0);
    }
}
