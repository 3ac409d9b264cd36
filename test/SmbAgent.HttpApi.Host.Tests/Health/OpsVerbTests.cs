using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Health;
using SmbAgent.HttpApi.Operations;

namespace SmbAgent.HttpApi.Tests.Health;

/// <summary>The API host's operations verbs, run as <c>Program</c> runs them, against the test host's services.</summary>
public sealed class OpsVerbTests(LoopbackApiFixture loopback) : IClassFixture<LoopbackApiFixture>
{
    private readonly ApiFixture _fixture = loopback.Api;

    [Fact]
    public async Task Redis_stats_counts_keys_by_cache_and_prints_memory()
    {
        var cache = _fixture.Factory.Services.GetRequiredService<HybridCache>();
        await cache.SetAsync($"ops-verb-{Guid.NewGuid():N}", "a value in Redis");
        var output = new StringWriter();

        var exitCode = await OpsVerbs.RunAsync(OpsVerbs.RedisStats, _fixture.Factory.Services, [OpsVerbs.RedisStats], output, CancellationToken.None);

        exitCode.ShouldBe(0, output.ToString());
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("Redis 127.0.0.1:");
        lines[0].ShouldContain("memory used ");
        lines.Length.ShouldBeGreaterThan(1, "at least the entry just written is counted under a prefix");
    }

    [Theory]
    [InlineData("smbagent:t:0a1b:c:conversation-state:k:42", "smbagent:conversation-state")]
    [InlineData("t:host:c:editions:k:all", "editions")]
    [InlineData("smbagent:voice-turn:abc", "smbagent:voice-turn")]
    [InlineData("plain", "plain")]
    public void Keys_are_grouped_by_their_cache_across_businesses(string key, string prefix) =>
        RedisStatistics.PrefixOf(key).ShouldBe(prefix);

    [Fact]
    public async Task Memory_monitor_prints_one_line_a_second_for_the_seconds_asked()
    {
        var output = new StringWriter();

        var exitCode = await OpsVerbs.RunAsync(OpsVerbs.MemoryMonitor, _fixture.Factory.Services, [OpsVerbs.MemoryMonitor, "--seconds", "2"], output, CancellationToken.None);

        exitCode.ShouldBe(0);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2);
        lines.ShouldAllBe(l => l.Contains("heap") && l.Contains("RSS"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("abc")]
    [InlineData("--seconds")]
    public async Task Memory_monitor_refuses_a_bad_duration(string value)
    {
        var output = new StringWriter();
        string[] args = value == "--seconds" ? [OpsVerbs.MemoryMonitor, "--seconds"] : [OpsVerbs.MemoryMonitor, "--seconds", value];

        var exitCode = await OpsVerbs.RunAsync(OpsVerbs.MemoryMonitor, _fixture.Factory.Services, args, output, CancellationToken.None);

        exitCode.ShouldBe(2);
        output.ToString().ShouldStartWith("Usage: memory-monitor");
    }

    [Fact]
    public async Task Cleanup_sessions_reports_what_it_closed()
    {
        var output = new StringWriter();

        var exitCode = await OpsVerbs.RunAsync(OpsVerbs.CleanupSessions, _fixture.Factory.Services, [OpsVerbs.CleanupSessions], output, CancellationToken.None);

        exitCode.ShouldBe(0);
        output.ToString().ShouldStartWith("Closed 0 idle session(s)");
    }
}
