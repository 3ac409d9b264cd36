using System.Globalization;
using System.Text;

namespace SmbAgent.Bench.Retrieval.Measure;

/// <summary>The table, the plans and the verdict against the goal.</summary>
public static class Report
{
    public const double GoalP95Milliseconds = 20;
    public const double GoalRecall = 0.95;

    public static string Table(IReadOnlyList<TenantResult> results, Percentiles embedding)
    {
        var text = new StringBuilder();
        text.AppendLine("Hybrid top-5 through the real IKnowledgeSearch (question embedding precomputed), milliseconds:");
        text.AppendLine();
        text.AppendLine("tenant   chunks queries |  ours p50    p95    p99 | exact p50    p95    p99 | ours/exact p50  p95 | vector-only HNSW p50 p95 | exact p50   p95 | full text p50  p95 | recall@5 (min) short | found  best sim");
        foreach (var r in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{r.Tenant.Label,-7} {r.Tenant.Plan.ChunkCount,7} {r.Ours.Count,7} | {r.Ours.Summary,-21} | {r.Exact.Summary,-23} | {r.Ours.P50 / r.Exact.P50,9:F2} {r.Ours.P95 / r.Exact.P95,5:F2}"
                + $" | {r.VectorOurs.P50,20:F1} {r.VectorOurs.P95,4:F1} | {r.VectorExact.P50,9:F1} {r.VectorExact.P95,5:F1} | {r.Text.P50,13:F1} {r.Text.P95,4:F1} | {r.Recall,8:F3} ({r.WorstRecall:F1}) {r.ShortResults,5}"
                + $" | {r.FoundRate,5:P0} {r.MeanBestSimilarity,9:F3}");
        }

        text.AppendLine();
        text.AppendLine("  ours      = the search as shipped (HNSW, its own settings); exact = the same search with index scans off in its transaction,");
        text.AppendLine("              so the vector part is an exact scan of the tenant's rows; both include the full-text query, the fusion and the chunk lookup.");
        text.AppendLine("  vector-only / full text = that SQL as the search sent it, replayed alone with the settings it made (exact: index scans off);");
        text.AppendLine("  recall@5  = the vector query's top 5 against the exact top 5, mean over the queries (worst single query in brackets);");
        text.AppendLine("  short     = queries where the HNSW scan returned fewer candidates than the exact one; found = share over the relevance threshold.");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"  question embedding with the real model (one question per call, not included above): p50 {embedding.P50:F1} ms, p95 {embedding.P95:F1} ms over {embedding.Count} calls");
        return text.ToString();
    }

    public static string Plans(IReadOnlyList<TenantResult> results)
    {
        var text = new StringBuilder();
        foreach (var r in results)
        {
            foreach (var (title, plan) in r.Plans)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"--- {r.Tenant.Label} tenant ({r.Tenant.Plan.ChunkCount} chunks): {title}");
                text.AppendLine(plan.TrimEnd());
            }
        }

        return text.ToString();
    }

    public static IReadOnlyList<string> Verdicts(IReadOnlyList<TenantResult> results)
    {
        var big = results[0];
        var lines = new List<string>
        {
            Verdict($"big tenant p95 {big.Ours.P95:F1} ms < {GoalP95Milliseconds} ms", big.Ours.P95 < GoalP95Milliseconds),
            Verdict($"big tenant HNSW recall@5 {big.Recall:F3} >= {GoalRecall}", big.Recall >= GoalRecall),
        };
        lines.AddRange(results.Skip(1).Select(r => string.Create(CultureInfo.InvariantCulture,
            $"INFO {r.Tenant.Label} tenant ({r.Tenant.Plan.ChunkCount} chunks): p95 {r.Ours.P95:F1} ms, recall@5 {r.Recall:F3}, {r.ShortResults} short result(s)")));
        lines.Add(results.Take(1).All(r => r.Ours.P95 < GoalP95Milliseconds && r.Recall >= GoalRecall) ? "GOAL MET" : "GOAL NOT MET");
        return lines;
    }

    private static string Verdict(FormattableString claim, bool met) =>
        (met ? "PASS " : "FAIL ") + claim.ToString(CultureInfo.InvariantCulture);
}
