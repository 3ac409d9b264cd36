using System.Globalization;
using System.Text;

namespace SmbAgent.Application.Tests.KnowledgeBase.Evaluation;

/// <summary>The Markdown report of one evaluation run: hit rates, similarity distributions, a threshold sweep and every question.</summary>
public static class RetrievalReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Build(RetrievalEvaluationFixture evaluation, TimeSpan indexing, TimeSpan asking)
    {
        var runs = evaluation.Runs;
        var onTopic = runs.Where(r => r.Kind == QuestionKind.OnTopic).ToList();
        var offTopic = runs.Where(r => r.Kind == QuestionKind.OffTopic).ToList();
        var crossBusiness = runs.Where(r => r.Kind == QuestionKind.CrossBusiness).ToList();
        var report = new StringBuilder();

        report.AppendLine("# Retrieval evaluation (local model use-lite-512)").AppendLine();
        report.AppendLine(Invariant, $"Top {RetrievalEvaluationFixture.Top} passages per question, threshold (KnowledgeBase:MinSimilarity) {evaluation.MinSimilarity:0.00}. ")
            .AppendLine(Invariant, $"Indexing {evaluation.Businesses.Sum(b => b.Sources.Sum(s => s.Chunks.Count))} passages took {indexing.TotalSeconds:0.0} s; {runs.Count} searches took {asking.TotalSeconds:0.0} s.")
            .AppendLine(Invariant, $"Full text matched a returned passage for {onTopic.Count(r => r.TextMatches > 0)} of {onTopic.Count} on-topic questions, the expected one for {onTopic.Count(r => r.ExpectedMatchedText)}; the rest ranked by vectors alone.")
            .AppendLine();

        report.AppendLine("## Answer quality (the chat's decision: answer from the first passage, or \"not found\")").AppendLine();
        report.AppendLine("| Business | Split | In scope | Off topic | hit@1 | top-3 | answered right | wrongly declined | off-topic declined | right FAQ suggested when declined |").AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var business in runs.Where(r => r.Kind != QuestionKind.CrossBusiness).GroupBy(r => r.Business))
        {
            foreach (var split in business.GroupBy(r => r.HeldOut).OrderBy(s => s.Key))
            {
                var quality = AnswerQuality.Of([.. split]);
                report.AppendLine(Invariant, $"| {Cell(business.Key)} | {(split.Key ? "held out" : "tuning")} | {quality.InScope} | {quality.OffTopic} | {Percent(quality.HitAt1)} | {Percent(quality.HitAt3)} | {Percent(quality.AnsweredRight)} | {Percent(quality.WronglyDeclined)} | {Percent(quality.OffTopicDeclined)} | {Percent(quality.SuggestedWhenDeclined)} |");
            }
        }

        report.AppendLine().AppendLine("## Relevance sweep (tuning split)").AppendLine();
        report.AppendLine("Answer when a passage reaches the similarity alone, or the floor with the word overlap. Rates over the tuning split of every business.").AppendLine();
        report.AppendLine("| Floor | Alone | Overlap | wrongly declined | off-topic declined |").AppendLine("|---|---|---|---|---|");
        var tuning = runs.Where(r => r.Kind != QuestionKind.CrossBusiness && !r.HeldOut).ToList();
        foreach (var floor in new[] { 0.30, 0.33, 0.36, 0.40 })
        {
            foreach (var alone in new[] { 0.44, 0.47, 0.50, 0.55, 0.60, 0.65, 1.0 })
            {
                foreach (var overlap in new[] { 0.2, 0.25, 0.34, 0.4, 0.5 })
                {
                    bool Answers(QuestionRun run) => run.Result.Passages.Any(p => p.VectorSimilarity is { } s && (s >= alone || (s >= floor && p.WordOverlap >= overlap)));
                    var inScope = tuning.Where(r => r.Kind == QuestionKind.OnTopic).ToList();
                    var off = tuning.Where(r => r.Kind == QuestionKind.OffTopic).ToList();
                    report.AppendLine(Invariant, $"| {floor:0.00} | {alone:0.00} | {overlap:0.00} | {Percent(inScope.Count(r => !Answers(r)) / (double)inScope.Count)} | {Percent(off.Count(r => !Answers(r)) / (double)off.Count)} |");
                }
            }
        }

        report.AppendLine();
        report.AppendLine("## Hit rates (paraphrased on-topic questions)").AppendLine();
        report.AppendLine("| Business | Questions | hit@1 | hit@3 | hit@5 | Found |").AppendLine("|---|---|---|---|---|---|");
        foreach (var group in onTopic.GroupBy(r => r.Business))
        {
            HitRow(report, group.Key, [.. group]);
        }

        HitRow(report, "**Overall**", onTopic);

        report.AppendLine().AppendLine("## Best vector similarity per question").AppendLine();
        report.AppendLine("| Set | n | min | p10 | p25 | median | p75 | p90 | max |").AppendLine("|---|---|---|---|---|---|---|---|---|");
        DistributionRow(report, "on-topic", onTopic);
        DistributionRow(report, "on-topic, hit@1", [.. onTopic.Where(r => r.HitAt(1))]);
        DistributionRow(report, "on-topic, missed top 3", [.. onTopic.Where(r => !r.HitAt(3))]);
        DistributionRow(report, "off-topic", offTopic);
        DistributionRow(report, "off-topic, unrelated", [.. offTopic.Where(r => r.OffTopicKind == "unrelated")]);
        DistributionRow(report, "off-topic, nearby", [.. offTopic.Where(r => r.OffTopicKind == "nearby")]);
        DistributionRow(report, "other business's questions", crossBusiness);

        report.AppendLine().AppendLine("## Threshold sweep").AppendLine();
        report.AppendLine("Share of questions whose best similarity reaches the threshold (Found = true). Other business's questions include ones both businesses answer (opening hours, payment).").AppendLine();
        report.AppendLine("| Threshold | on-topic found | off-topic rejected | unrelated rejected | nearby rejected | other business rejected |").AppendLine("|---|---|---|---|---|---|");
        for (var threshold = 0.20; threshold <= 0.501; threshold += 0.02)
        {
            report.AppendLine(Invariant, $"| {threshold:0.00} | {Percent(RetrievalMetrics.AcceptedRate(onTopic, threshold))} | {Percent(1 - RetrievalMetrics.AcceptedRate(offTopic, threshold))} | {Percent(1 - RetrievalMetrics.AcceptedRate([.. offTopic.Where(r => r.OffTopicKind == "unrelated")], threshold))} | {Percent(1 - RetrievalMetrics.AcceptedRate([.. offTopic.Where(r => r.OffTopicKind == "nearby")], threshold))} | {Percent(1 - RetrievalMetrics.AcceptedRate(crossBusiness, threshold))} |");
        }

        report.AppendLine().AppendLine("## On-topic questions").AppendLine();
        report.AppendLine("| Business | Question | Expected passage | Rank | Best sim | Expected sim | Text matches | Found | First passage when not expected |").AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var run in onTopic)
        {
            var first = run.Rank == 1 ? string.Empty : Cell(run.TopPassage is { } top ? $"{top.SourceTitle} › {top.Citation}" : "(none)");
            report.AppendLine(Invariant, $"| {Cell(run.Business)} | {Cell(run.Question)} | {Cell($"{run.Expected!.Source} › {run.Expected.Citation}")} | {run.Rank?.ToString(Invariant) ?? "—"} | {run.BestSimilarity:0.000} | {Similarity(run.ExpectedSimilarity)} | {run.TextMatches}{(run.ExpectedMatchedText ? " (expected)" : string.Empty)} | {run.Result.Found} | {first} |");
        }

        report.AppendLine().AppendLine("## Off-topic questions").AppendLine();
        report.AppendLine("| Business | Question | Kind | Best sim | Found | First passage |").AppendLine("|---|---|---|---|---|---|");
        foreach (var run in offTopic)
        {
            var top = run.TopPassage is { } passage ? $"{passage.SourceTitle} › {passage.Citation}" : "(none)";
            report.AppendLine(Invariant, $"| {Cell(run.Business)} | {Cell(run.Question)} | {run.OffTopicKind} | {run.BestSimilarity:0.000} | {run.Result.Found} | {Cell(top)} |");
        }

        return report.ToString();
    }

    private static void HitRow(StringBuilder report, string label, List<QuestionRun> runs) =>
        report.AppendLine(Invariant, $"| {Cell(label)} | {runs.Count} | {Percent(RetrievalMetrics.HitRate(runs, 1))} | {Percent(RetrievalMetrics.HitRate(runs, 3))} | {Percent(RetrievalMetrics.HitRate(runs, 5))} | {Percent(RetrievalMetrics.FoundRate(runs))} |");

    private static void DistributionRow(StringBuilder report, string label, List<QuestionRun> runs)
    {
        if (runs.Count == 0)
        {
            report.AppendLine(Invariant, $"| {label} | 0 | | | | | | | |");
            return;
        }

        var values = runs.Select(r => r.BestSimilarity).ToList();
        report.AppendLine(Invariant, $"| {label} | {values.Count} | {values.Min():0.000} | {RetrievalMetrics.Percentile(values, 10):0.000} | {RetrievalMetrics.Percentile(values, 25):0.000} | {RetrievalMetrics.Percentile(values, 50):0.000} | {RetrievalMetrics.Percentile(values, 75):0.000} | {RetrievalMetrics.Percentile(values, 90):0.000} | {values.Max():0.000} |");
    }

    private static string Percent(double rate) => rate.ToString("0.0%", Invariant);

    private static string Similarity(double? value) => value?.ToString("0.000", Invariant) ?? "—";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
