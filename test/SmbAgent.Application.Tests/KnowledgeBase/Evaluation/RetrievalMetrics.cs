namespace SmbAgent.Application.Tests.KnowledgeBase.Evaluation;

public static class RetrievalMetrics
{
    public static double HitRate(IReadOnlyCollection<QuestionRun> runs, int k) => Rate(runs, r => r.HitAt(k));

    public static double FoundRate(IReadOnlyCollection<QuestionRun> runs) => Rate(runs, r => r.Result.Found);

    /// <summary>The share of runs a threshold would answer: those whose best similarity reaches it.</summary>
    public static double AcceptedRate(IReadOnlyCollection<QuestionRun> runs, double threshold) => Rate(runs, r => r.BestSimilarity >= threshold);

    /// <summary>Linear interpolation between the closest ranks.</summary>
    public static double Percentile(IReadOnlyList<double> values, double percent)
    {
        ArgumentOutOfRangeException.ThrowIfZero(values.Count);
        var sorted = values.Order().ToArray();
        var position = (sorted.Length - 1) * percent / 100;
        var lower = (int)Math.Floor(position);
        var upper = (int)Math.Ceiling(position);
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * (position - lower));
    }

    private static double Rate(IReadOnlyCollection<QuestionRun> runs, Func<QuestionRun, bool> predicate) =>
        runs.Count == 0 ? 0 : (double)runs.Count(predicate) / runs.Count;
}
