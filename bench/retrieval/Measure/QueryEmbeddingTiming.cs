using System.Diagnostics;
using Microsoft.Extensions.AI;

namespace SmbAgent.Bench.Retrieval.Measure;

/// <summary>The real model's time for one question per call, as the search pays it before retrieval starts.</summary>
public static class QueryEmbeddingTiming
{
    public static async Task<Percentiles> MeasureAsync(IEmbeddingGenerator<string, Embedding<float>> generator, IReadOnlyList<string> questions, int warmup, int count)
    {
        foreach (var question in questions.Take(warmup))
        {
            await generator.GenerateAsync([question]);
        }

        var timings = new List<double>();
        foreach (var question in questions.Skip(warmup).Take(count))
        {
            var started = Stopwatch.GetTimestamp();
            await generator.GenerateAsync([question]);
            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return new Percentiles(timings);
    }
}
