using System.Collections.Concurrent;
using SmbAgent.BackgroundJobs;
using SmbAgent.Tenancy;

namespace SmbAgent.Application.Tests.BackgroundJobs;

/// <summary>
/// A job client whose next enqueues can be made to throw, as the job store does when it is down or the process dies
/// between a save and its enqueue; the others are recorded with the tenant they would run in, for the test to run.
/// </summary>
public sealed class FailingJobManager(ICurrentTenant currentTenant) : IBackgroundJobManager
{
    private readonly ConcurrentQueue<(Guid? TenantId, object Args)> _queued = new();
    private int _failures;

    public IReadOnlyList<(Guid? TenantId, object Args)> Queued => [.. _queued];

    public void FailNext(int count) => Interlocked.Exchange(ref _failures, count);

    public string Enqueue<TArgs>(TArgs args, TimeSpan? delay = null)
    {
        if (Interlocked.Decrement(ref _failures) >= 0)
        {
            throw new InvalidOperationException("The job store is unavailable.");
        }

        Interlocked.Exchange(ref _failures, 0);
        _queued.Enqueue((currentTenant.Id, args!));
        return Guid.NewGuid().ToString("N");
    }
}
