using System.Collections.Concurrent;
using SmbAgent.BackgroundJobs;
using SmbAgent.Tenancy;

namespace SmbAgent.Application.Tests.KnowledgeBase.Reembedding;

/// <summary>Records what would be queued, with the tenant it would run in, instead of writing to Hangfire.</summary>
public sealed class RecordingJobManager(ICurrentTenant currentTenant) : IBackgroundJobManager
{
    private readonly ConcurrentQueue<(Guid? TenantId, object Args)> _queued = new();

    public IReadOnlyList<(Guid? TenantId, object Args)> Queued => [.. _queued];

    public string Enqueue<TArgs>(TArgs args, TimeSpan? delay = null)
    {
        _queued.Enqueue((currentTenant.Id, args!));
        return Guid.NewGuid().ToString("N");
    }
}
