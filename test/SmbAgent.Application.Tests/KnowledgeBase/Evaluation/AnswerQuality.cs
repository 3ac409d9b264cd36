namespace SmbAgent.Application.Tests.KnowledgeBase.Evaluation;

/// <summary>
/// What a visitor gets from one business's runs, through the decision the chat makes: answered from the first
/// passage when the search found one, "not found" otherwise.
/// </summary>
/// <param name="HitAt1">In-scope questions whose labelled passage comes first.</param>
/// <param name="HitAt3">In-scope questions whose labelled passage is among the first three.</param>
/// <param name="AnsweredRight">In-scope questions found and answered from the labelled passage.</param>
/// <param name="WronglyDeclined">In-scope questions answered "not found".</param>
/// <param name="OffTopicDeclined">Questions the business doesn't cover answered "not found".</param>
/// <param name="SuggestedWhenDeclined">Wrongly declined in-scope questions whose labelled FAQ question is among the suggestions.</param>
public sealed record AnswerQuality(
    int InScope,
    int OffTopic,
    double HitAt1,
    double HitAt3,
    double AnsweredRight,
    double WronglyDeclined,
    double OffTopicDeclined,
    double SuggestedWhenDeclined)
{
    public static AnswerQuality Of(IReadOnlyCollection<QuestionRun> runs)
    {
        var inScope = runs.Where(r => r.Kind == QuestionKind.OnTopic).ToList();
        var offTopic = runs.Where(r => r.Kind == QuestionKind.OffTopic).ToList();
        var declined = inScope.Where(r => !r.Result.Found).ToList();
        return new AnswerQuality(
            inScope.Count,
            offTopic.Count,
            Rate(inScope, r => r.HitAt(1)),
            Rate(inScope, r => r.HitAt(3)),
            Rate(inScope, r => r.AnsweredRight),
            Rate(inScope, r => !r.Result.Found),
            Rate(offTopic, r => !r.Result.Found),
            Rate(declined, r => r.Suggested));
    }

    public override string ToString() => FormattableString.Invariant(
        $"{InScope} in scope, {OffTopic} off topic: hit@1 {HitAt1:0.00}, top-3 {HitAt3:0.00}, answered right {AnsweredRight:0.00}, wrongly declined {WronglyDeclined:0.00}, off-topic declined {OffTopicDeclined:0.00}, right FAQ suggested when declined {SuggestedWhenDeclined:0.00}");

    private static double Rate(List<QuestionRun> runs, Func<QuestionRun, bool> predicate) =>
        runs.Count == 0 ? 0 : (double)runs.Count(predicate) / runs.Count;
}
