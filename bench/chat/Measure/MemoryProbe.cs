using System.Diagnostics;
using SmbAgent.Bench.Chat.Data;
using SmbAgent.Bench.Chat.Load;

namespace SmbAgent.Bench.Chat.Measure;

/// <param name="ServerManagedBytes">Managed heap after a full blocking GC, after minus before, with the client's tokens already dropped.</param>
/// <param name="ClientManagedBytes">What the load generator itself held for them (visitors and tokens), to show it was excluded.</param>
/// <param name="WorkingSetBytes">The whole process's working set, after minus before (client included; noisy).</param>
/// <param name="DatabaseBytes">Conversation tables with their indexes on disk, after minus before.</param>
public sealed record MemoryResult(
    string Target,
    int Conversations,
    int TurnsEach,
    long ServerManagedBytes,
    long ClientManagedBytes,
    long WorkingSetBytes,
    long DatabaseBytes,
    int Failures,
    TimeSpan Took)
{
    public double PerConversation(long bytes) => bytes / (double)Conversations;
}

/// <summary>Memory while every conversation has a turn in flight (closed loop), over the same process idle.</summary>
/// <param name="ManagedBytes">Live managed heap (after a full blocking GC taken during the load) minus the idle heap.</param>
public sealed record InFlightResult(string Target, int Conversations, long ManagedBytes, long WorkingSetBytes)
{
    public double PerConversation(long bytes) => bytes / (double)Conversations;
}

/// <summary>
/// Memory per active conversation: the managed heap and working set before and after opening M conversations
/// (each with a few turns, all still open: their tokens are held and a next turn would be answered), divided by
/// M. Both servers and the load generator share this process, so the generator's own share is measured by
/// dropping its visitors and collecting again.
/// </summary>
public sealed class MemoryProbe(BenchSettings settings, IReadOnlyList<SeededBusiness> businesses, BenchDatabase database)
{
    private const int Concurrency = 50;

    public async Task<MemoryResult> RunIdleAsync(ChatTarget target)
    {
        // A first round warms pools, caches and JIT, which would otherwise count as the conversations' memory.
        await OpenAsync(target, Concurrency);
        var heapBefore = ManagedHeap();
        var workingSetBefore = WorkingSet();
        var databaseBefore = await database.TurnTablesBytesAsync();
        var started = Stopwatch.GetTimestamp();

        var (visitors, failures) = await OpenAsync(target, settings.MemoryConversations);
        var took = Stopwatch.GetElapsedTime(started);
        var heapWithClient = ManagedHeap();
        var workingSet = WorkingSet() - workingSetBefore;
        var databaseBytes = await database.TurnTablesBytesAsync() - databaseBefore;
        // Dropped so the next collection shows what the load generator held; an async method's locals live until it returns.
        visitors = null;
        var heapAfter = ManagedHeap();

        return new MemoryResult(target.Name, settings.MemoryConversations, settings.MemoryTurns, heapAfter - heapBefore, heapWithClient - heapAfter,
            workingSet, databaseBytes, failures, took);
    }

    /// <summary>
    /// The other reading of "active": <paramref name="conversations"/> visitors each with a turn always in flight.
    /// The difference to idle holds both sides of each request (the load generator's too), so it is an upper
    /// bound for the server; ours against bare shows what the engine adds.
    /// </summary>
    public async Task<InFlightResult> RunInFlightAsync(ChatTarget target, int conversations, TimeSpan settle)
    {
        var idleHeap = ManagedHeap();
        var idleWorkingSet = WorkingSet();
        using var stop = new CancellationTokenSource();
        using var answered = new CountdownEvent(conversations);
        var workers = Enumerable.Range(0, conversations).Select(i => TalkAsync(target, i, answered, stop.Token)).ToList();
        await Task.Delay(settle);

        // As in the load phases: every visitor past its first answer, so all are in their steady back and forth.
        await Task.Run(() => answered.Wait(TimeSpan.FromSeconds(60)));
        var busyHeap = ManagedHeap();
        var busyWorkingSet = WorkingSet();
        await stop.CancelAsync();
        await Task.WhenAll(workers);
        return new InFlightResult(target.Name, conversations, busyHeap - idleHeap, busyWorkingSet - idleWorkingSet);
    }

    /// <remarks>A stop lets the turn in flight finish rather than abort it, so the host sees no cancelled requests.</remarks>
    private async Task TalkAsync(ChatTarget target, int index, CountdownEvent answered, CancellationToken stop)
    {
        var business = businesses[index % businesses.Count];
        Visitor? visitor = null;
        var signalled = false;
        for (var turn = 0; !stop.IsCancellationRequested; turn++)
        {
            if (visitor is null || visitor.Turns >= settings.TurnsPerConversation)
            {
                visitor = new Visitor(target, business);
                if (!(await visitor.StartAsync(CancellationToken.None)).Ok)
                {
                    visitor = null;
                    continue;
                }
            }

            var result = await visitor.SayAsync(business.Plan.Questions[(index + turn) % business.Plan.Questions.Count], CancellationToken.None);
            if (!signalled && result.Ok)
            {
                signalled = true;
                answered.Signal();
            }
        }
    }

    private async Task<(Visitor[]? Visitors, int Failures)> OpenAsync(ChatTarget target, int count)
    {
        var visitors = new Visitor[count];
        var failures = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (i, ct) =>
        {
            var business = businesses[i % businesses.Count];
            var visitor = new Visitor(target, business);
            var ok = (await visitor.StartAsync(ct)).Ok;
            for (var turn = 0; ok && turn < settings.MemoryTurns; turn++)
            {
                ok = (await visitor.SayAsync(business.Plan.Questions[(i + turn) % business.Plan.Questions.Count], ct)).Ok;
            }

            if (!ok)
            {
                Interlocked.Increment(ref failures);
            }

            visitors[i] = visitor;
        });
        return (visitors, failures);
    }

    private static long ManagedHeap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static long WorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }
}
