using SmbAgent.Bench.Retrieval.Corpus;

namespace SmbAgent.Bench.Retrieval.Measure;

public sealed record MeasuredTenant(string Label, TenantPlan Plan, Guid Id, IReadOnlyList<string> Questions);

/// <summary>What the search sent for one measured question.</summary>
public sealed record SentQuestion(string Question, IReadOnlyList<CapturedCommand> Commands)
{
    public CapturedCommand? Vector => Commands.FirstOrDefault(c => c.IsVectorSearch);

    public CapturedCommand? Text => Commands.FirstOrDefault(c => c.IsTextSearch);
}

public sealed record TenantResult(
    MeasuredTenant Tenant,
    Percentiles Ours,
    Percentiles Exact,
    Percentiles VectorOurs,
    Percentiles VectorExact,
    Percentiles Text,
    double Recall,
    double WorstRecall,
    int ShortResults,
    double FoundRate,
    double MeanBestSimilarity,
    IReadOnlyList<SentQuestion> Sent,
    IReadOnlyList<(string Title, string Plan)> Plans);

/// <summary>
/// One tenant: warm-up, then each question through ours and the exact baseline (alternating which goes first,
/// so drift on the shared machine hits both alike), then recall, part timings and plans from the SQL ours sent.
/// </summary>
public sealed class TenantBenchmark(SearchRunner runner, SqlProbe probe, int warmup)
{
    public async Task<TenantResult> RunAsync(MeasuredTenant tenant)
    {
        foreach (var question in tenant.Questions.Take(warmup))
        {
            await runner.OursAsync(tenant.Id, question);
            await runner.ExactAsync(tenant.Id, question);
        }

        var measured = tenant.Questions.Skip(warmup).ToList();
        var ours = new List<SearchTiming>();
        var exact = new List<SearchTiming>();
        var sent = new List<SentQuestion>();
        for (var i = 0; i < measured.Count; i++)
        {
            var commands = new List<CapturedCommand>();
            SearchTiming mine;
            if (i % 2 == 0)
            {
                mine = await runner.OursAsync(tenant.Id, measured[i], commands);
                exact.Add(await runner.ExactAsync(tenant.Id, measured[i]));
            }
            else
            {
                exact.Add(await runner.ExactAsync(tenant.Id, measured[i]));
                mine = await runner.OursAsync(tenant.Id, measured[i], commands);
            }

            ours.Add(mine);
            sent.Add(new SentQuestion(measured[i], commands));
        }

        var recalls = new List<double>();
        var vectorOurs = new List<double>();
        var vectorExact = new List<double>();
        var text = new List<double>();
        var shortResults = 0;
        SentQuestion? matchingText = null;
        (SentQuestion? Question, double Milliseconds) slowestVector = (null, 0);
        foreach (var question in sent)
        {
            if (question.Vector is { } vector)
            {
                var approximate = await probe.RunAsync(tenant.Id, question.Commands, vector, ProbeOptions.AsSent);
                var truth = await probe.RunAsync(tenant.Id, question.Commands, vector, ProbeOptions.ExactScan);
                recalls.Add(approximate.RecallAgainst(truth));
                vectorOurs.Add(approximate.Milliseconds);
                vectorExact.Add(truth.Milliseconds);
                shortResults += approximate.Rows < truth.Rows ? 1 : 0;
                slowestVector = approximate.Milliseconds > slowestVector.Milliseconds ? (question, approximate.Milliseconds) : slowestVector;
            }

            if (question.Text is { } fullText)
            {
                var run = await probe.RunAsync(tenant.Id, question.Commands, fullText, ProbeOptions.AsSent);
                text.Add(run.Milliseconds);
                matchingText ??= run.Rows > 0 ? question : null;
            }
        }

        var plans = new List<(string, string)>();
        if (sent.FirstOrDefault(q => q.Vector is not null) is { } first)
        {
            plans.Add(($"vector query as sent, for \"{first.Question}\"", await probe.ExplainAsync(tenant.Id, first.Commands, first.Vector!, ProbeOptions.AsSent)));
            plans.Add(("vector query, exact (index scans off)", await probe.ExplainAsync(tenant.Id, first.Commands, first.Vector!, ProbeOptions.ExactScan)));
            if (slowestVector.Question is { } slowest && slowest != first)
            {
                plans.Add(($"vector query as sent, for \"{slowest.Question}\" (the slowest replay, {slowestVector.Milliseconds:F1} ms)",
                    await probe.ExplainAsync(tenant.Id, slowest.Commands, slowest.Vector!, ProbeOptions.AsSent)));
            }

            if (first.Text is { } fullText)
            {
                plans.Add(($"full-text query as sent, for \"{first.Question}\"", await probe.ExplainAsync(tenant.Id, first.Commands, fullText, ProbeOptions.AsSent)));
            }

            if (matchingText is not null && matchingText != first)
            {
                plans.Add(($"full-text query as sent, for \"{matchingText.Question}\" (the first question it matches chunks for)",
                    await probe.ExplainAsync(tenant.Id, matchingText.Commands, matchingText.Text!, ProbeOptions.AsSent)));
            }
        }

        return new TenantResult(
            tenant,
            new Percentiles(ours.Select(t => t.Milliseconds)),
            new Percentiles(exact.Select(t => t.Milliseconds)),
            new Percentiles(vectorOurs),
            new Percentiles(vectorExact),
            new Percentiles(text),
            recalls.Count == 0 ? double.NaN : recalls.Average(),
            recalls.Count == 0 ? double.NaN : recalls.Min(),
            shortResults,
            ours.Count(t => t.Result.Found) / (double)Math.Max(1, ours.Count),
            ours.Select(t => t.BestSimilarity ?? 0).DefaultIfEmpty().Average(),
            sent,
            plans);
    }
}
