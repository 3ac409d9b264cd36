using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.TestKit;

namespace SmbAgent.EntityFrameworkCore.Tests.BackgroundJobs;

/// <summary>
/// Hangfire's log provider is process-wide: the last host to configure Hangfire sets it. A host that outlives that one
/// must still be able to queue work (a page adding knowledge, a chat turn notifying the owner).
/// </summary>
public sealed class HangfireLoggingTests(CoreFixture fixture) : IClassFixture<CoreFixture>
{
    [Fact]
    public void A_host_builds_its_job_client_after_the_host_that_configured_hangfire_logging_is_gone()
    {
        using (var gone = CoreFixture.BuildServices(fixture.Database))
        {
            gone.GetRequiredService<IGlobalConfiguration>();
        }

        using var living = CoreFixture.BuildServices(fixture.Database);

        Should.NotThrow(() => living.GetRequiredService<IBackgroundJobClient>());
    }
}
