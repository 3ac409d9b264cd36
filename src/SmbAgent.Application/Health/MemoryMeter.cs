namespace SmbAgent.Health;

/// <summary>This process's memory as the runtime reports it: no allocation, no collection forced.</summary>
public static class MemoryMeter
{
    private const double Megabyte = 1024 * 1024;

    public static MemoryHealthDto Measure()
    {
        var info = GC.GetGCMemoryInfo();
        var used = GC.GetTotalMemory(forceFullCollection: false);
        // Committed heap, like Node's heapTotal: what the collector holds from the OS for the managed heap.
        var total = Math.Max(info.TotalCommittedBytes, used);
        return new MemoryHealthDto(
            Math.Round(used / Megabyte, 1),
            Math.Round(total / Megabyte, 1),
            total == 0 ? 0 : Math.Round(100.0 * used / total, 1),
            Math.Round(Environment.WorkingSet / Megabyte, 1),
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2));
    }
}
