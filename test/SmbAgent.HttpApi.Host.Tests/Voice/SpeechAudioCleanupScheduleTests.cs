using Hangfire;
using Hangfire.States;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.BackgroundJobs;
using SmbAgent.Data;
using SmbAgent.Voice;
using SmbAgent.Voice.Speech;

namespace SmbAgent.HttpApi.Tests.Voice;

/// <summary>The speech audio cleanup as the API host's job server runs it: a recurring host job across businesses.</summary>
public sealed class SpeechAudioCleanupScheduleTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task The_cleanup_is_a_recurring_host_job_and_a_run_deletes_old_unused_audio()
    {
        var storage = fixture.Factory.Services.GetRequiredService<JobStorage>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var job = await PollAsync(() => Recurring(storage), j => j is not null, timeout.Token);
        job!.Cron.ShouldBe(new SpeechOptions().CleanupSchedule);
        job.Job.Type.ShouldBe(typeof(TenantJobRunner));
        job.Job.Args[0].ShouldBeNull("it runs for the host, across businesses");
        job.Job.Args[1].ShouldBeOfType<CleanUpSpeechAudioArgs>();

        var business = await fixture.CreateTenantAsync("PRO");
        await AddAsync(business.TenantId, "old", DateTimeOffset.UtcNow - TimeSpan.FromDays(40));
        await AddAsync(business.TenantId, "kept", DateTimeOffset.UtcNow - TimeSpan.FromDays(1));

        var recurringJobs = (IRecurringJobManagerV2)fixture.Factory.Services.GetRequiredService<IRecurringJobManager>();
        var runId = recurringJobs.TriggerJob(SpeechAudioCleanupSchedule.RecurringJobId);
        var state = await PollAsync(() => State(storage, runId), s => s?.Name == SucceededState.StateName || s?.Name == FailedState.StateName, timeout.Token);
        state!.Name.ShouldBe(SucceededState.StateName, state.Reason);

        var left = await fixture.Factory.Services.InTenantAsync(business.TenantId, sp =>
            sp.GetRequiredService<ISmbAgentDbContext>().SpeechAudio.AsNoTracking().Select(a => a.Voice).ToListAsync());
        left.ShouldBe(["kept"]);
    }

    private Task AddAsync(Guid tenantId, string label, DateTimeOffset lastUsed) =>
        fixture.Factory.Services.InTenantAsync(tenantId, async sp =>
        {
            var db = sp.GetRequiredService<ISmbAgentDbContext>();
            db.SpeechAudio.Add(new SpeechAudio(Guid.CreateVersion7(), tenantId, SpeechHashes.Of(label, label, "m"), label, "m", SpeechSynthesizer.ContentType, [1])
            {
                LastUsedTime = lastUsed,
            });
            await db.SaveChangesAsync();
        });

    private static RecurringJobDto? Recurring(JobStorage storage)
    {
        using var connection = storage.GetConnection();
        return connection.GetRecurringJobs().SingleOrDefault(j => j.Id == SpeechAudioCleanupSchedule.RecurringJobId);
    }

    private static StateData? State(JobStorage storage, string jobId)
    {
        using var connection = storage.GetConnection();
        return connection.GetStateData(jobId);
    }

    private static async Task<T> PollAsync<T>(Func<T> read, Func<T, bool> done, CancellationToken cancellationToken)
    {
        while (true)
        {
            var value = read();
            if (done(value))
            {
                return value;
            }

            await Task.Delay(200, cancellationToken);
        }
    }
}
