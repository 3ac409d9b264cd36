using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.EntityFrameworkCore;
using SmbAgent.KnowledgeBase.Search;
using SmbAgent.Tenancy;

namespace SmbAgent.Bench.Retrieval.Measure;

/// <summary>
/// One question through the real <see cref="IKnowledgeSearch"/>, as a request would run it: inside the tenant,
/// in a fresh DI scope. The baseline runs the same code with the planner's index scans switched off for its
/// transaction, which leaves pgvector's HNSW index unusable (it has no bitmap scan) and the vector query exact.
/// </summary>
public sealed class SearchRunner(IServiceProvider services, CommandCapture capture)
{
    private readonly ICurrentTenant _currentTenant = services.GetRequiredService<ICurrentTenant>();

    public async Task<SearchTiming> OursAsync(Guid tenantId, string question, List<CapturedCommand>? commands = null)
    {
        using var tenant = _currentTenant.Change(tenantId);
        await using var scope = services.CreateAsyncScope();
        using var capturing = commands is null ? null : capture.Into(commands);
        var started = Stopwatch.GetTimestamp();
        var result = await scope.ServiceProvider.GetRequiredService<IKnowledgeSearch>().SearchAsync(question);
        return new SearchTiming(Stopwatch.GetElapsedTime(started).TotalMilliseconds, result);
    }

    public async Task<SearchTiming> ExactAsync(Guid tenantId, string question)
    {
        using var tenant = _currentTenant.Change(tenantId);
        await using var scope = services.CreateAsyncScope();
        var started = Stopwatch.GetTimestamp();
        var db = scope.ServiceProvider.GetRequiredService<SmbAgentDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_indexscan = off");
        var result = await scope.ServiceProvider.GetRequiredService<IKnowledgeSearch>().SearchAsync(question);
        await transaction.CommitAsync();
        return new SearchTiming(Stopwatch.GetElapsedTime(started).TotalMilliseconds, result);
    }
}

public sealed record SearchTiming(double Milliseconds, KnowledgeSearchResult Result)
{
    public double? BestSimilarity => Result.Passages.Max(p => p.VectorSimilarity);
}
