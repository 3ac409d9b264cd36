using SmbAgent.Conversations;

namespace SmbAgent.Application.Tests.Conversations.Emergencies;

/// <summary>One labelled turn and the level a detector gave it.</summary>
public sealed record Verdict(LabelledTurn Turn, LeadPriority Predicted);

/// <summary>
/// Precision and recall of one detector over a set, for two questions: is it Urgent (the owner is called at
/// once), and is it flagged at all (High or Urgent).
/// </summary>
public sealed record DetectionMetrics(double UrgentPrecision, double UrgentRecall, double FlaggedPrecision, double FlaggedRecall, double Accuracy)
{
    public static DetectionMetrics Of(IReadOnlyList<Verdict> verdicts)
    {
        var (urgentPrecision, urgentRecall) = PrecisionRecall(verdicts, level => level == LeadPriority.Urgent);
        var (flaggedPrecision, flaggedRecall) = PrecisionRecall(verdicts, level => level >= LeadPriority.High);
        var accuracy = verdicts.Count(v => v.Predicted == v.Turn.Level) / (double)verdicts.Count;
        return new DetectionMetrics(urgentPrecision, urgentRecall, flaggedPrecision, flaggedRecall, accuracy);
    }

    public override string ToString() =>
        FormattableString.Invariant($"urgent P {UrgentPrecision:0.00} R {UrgentRecall:0.00} | flagged P {FlaggedPrecision:0.00} R {FlaggedRecall:0.00} | exact level {Accuracy:0.00}");

    private static (double Precision, double Recall) PrecisionRecall(IReadOnlyList<Verdict> verdicts, Func<LeadPriority, bool> positive)
    {
        var truePositives = verdicts.Count(v => positive(v.Turn.Level) && positive(v.Predicted));
        var predicted = verdicts.Count(v => positive(v.Predicted));
        var actual = verdicts.Count(v => positive(v.Turn.Level));
        return (predicted == 0 ? 1 : truePositives / (double)predicted, actual == 0 ? 1 : truePositives / (double)actual);
    }
}
