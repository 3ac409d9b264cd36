using System.Collections.Concurrent;
using Hangfire;
using Hangfire.States;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.BackgroundJobs;
using SmbAgent.BackgroundJobs.StalledWork;
using SmbAgent.Data;
using SmbAgent.KnowledgeBase.VectorIndexes;
using SmbAgent.Tenancy;

namespace SmbAgent.HttpApi.Tests.Jobs;

/// <summary>Jobs carry the tenant they were queued for and run inside it, on the API host's job server.</summary>
public sealed class TenantJobTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_job_runs_in_the_tenant_it_was_queued_for_and_sees_only_that_tenants_rows()
    {
        var a = await fixture.CreateTenantAsync();
        var b = await fixture.CreateTenantAsync();
        var runA = Guid.NewGuid();
        var runHost = Guid.NewGuid();

        var currentTenant = fixture.Factory.Services.GetRequiredService<ICurrentTenant>();
        var jobs = fixture.Factory.Services.GetRequiredService<IBackgroundJobManager>();
        using (currentTenant.Change(a.TenantId))
        {
            jobs.Enqueue(new RecordTenantArgs(runA));
        }

        jobs.Enqueue(new RecordTenantArgs(runHost));

        var inA = await RecordTenantJob.WaitForAsync(runA);
        var inHost = await RecordTenantJob.WaitForAsync(runHost);

        inA.Database.ShouldBe(fixture.Factory.Database.Name, "the job runs against its own host's database");
        inHost.Database.ShouldBe(fixture.Factory.Database.Name);
        inA.TenantId.ShouldBe(a.TenantId);
        inA.VisibleUserTenants.ShouldBe([a.TenantId]);
        inA.VisibleUserTenants.ShouldNotContain(b.TenantId);
        inHost.TenantId.ShouldBeNull();
        inHost.VisibleUserTenants.ShouldAllBe(t => t == null);
    }

    [Fact]
    public async Task The_vector_index_maintenance_is_registered_as_a_recurring_host_job_and_runs_on_the_job_server()
    {
        var storage = fixture.Factory.Services.GetRequiredService<JobStorage>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var job = await PollAsync(() => Recurring(storage, TenantVectorIndexSchedule.RecurringJobId), j => j is not null, timeout.Token);
        job!.Cron.ShouldBe("*/10 * * * *");
        job.Job.Type.ShouldBe(typeof(TenantJobRunner));
        job.Job.Args[0].ShouldBeNull("it runs for the host, across businesses");
        job.Job.Args[1].ShouldBeOfType<MaintainTenantVectorIndexesArgs>();

        var recurringJobs = (IRecurringJobManagerV2)fixture.Factory.Services.GetRequiredService<IRecurringJobManager>();
        var runId = recurringJobs.TriggerJob(TenantVectorIndexSchedule.RecurringJobId);

        var state = await PollAsync(() => State(storage, runId), s => s?.Name == SucceededState.StateName || s?.Name == FailedState.StateName, timeout.Token);
        state!.Name.ShouldBe(SucceededState.StateName, state.Reason);
    }

    [Fact]
    public async Task The_stalled_work_sweep_is_registered_as_a_recurring_host_job_beside_the_index_maintenance()
    {
        var storage = fixture.Factory.Services.GetRequiredService<JobStorage>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var job = await PollAsync(() => Recurring(storage, StalledWorkSweepSchedule.RecurringJobId), j => j is not null, timeout.Token);

        job!.Job.Type.ShouldBe(typeof(TenantJobRunner));
        job.Job.Args[0].ShouldBeNull("it sweeps every business at once");
        job.Job.Args[1].ShouldBeOfType<SweepStalledWorkArgs>();
    }

    private static StateData? State(JobStorage storage, string jobId)
    {
        using var connection = storage.GetConnection();
        return connection.GetStateData(jobId);
    }

    private static RecurringJobDto? Recurring(JobStorage storage, string id)
    {
        using var connection = storage.GetConnection();
        return connection.GetRecurringJobs().SingleOrDefault(j => j.Id == id);
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

public sealed record RecordTenantArgs(Guid RunId);

public sealed record RecordedRun(Guid? TenantId, IReadOnlyList<Guid?> VisibleUserTenants, string Database);

public sealed class RecordTenantJob(ICurrentTenant currentTenant, ISmbAgentDbContext db) : IBackgroundJob<RecordTenantArgs>
{
    private static readonly ConcurrentDictionary<Guid, RecordedRun> Runs = new();

    public async Task ExecuteAsync(RecordTenantArgs args, CancellationToken cancellationToken)
    {
        var visible = await db.Users.Select(u => u.TenantId).Distinct().ToListAsync(cancellationToken);
        var database = ((Microsoft.EntityFrameworkCore.DbContext)db).Database.GetDbConnection().Database;
        Runs[args.RunId] = new RecordedRun(currentTenant.Id, visible, database);
    }

    public static async Task<RecordedRun> WaitForAsync(Guid runId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!Runs.ContainsKey(runId))
        {
            await Task.Delay(100, timeout.Token);
        }

        return Runs[runId];
    }
}
