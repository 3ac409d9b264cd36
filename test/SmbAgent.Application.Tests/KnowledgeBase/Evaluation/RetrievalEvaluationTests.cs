using SmbAgent.KnowledgeBase;
using Xunit.Abstractions;

namespace SmbAgent.Application.Tests.KnowledgeBase.Evaluation;

/// <summary>
/// Retrieval quality with the real local model over two businesses' content: paraphrased visitor questions
/// must find their labelled passage, off-topic ones must fall under the threshold. The full report is in the
/// test output and in TestResults/SmbAgent.Application.Tests/retrieval-evaluation.md.
/// </summary>
public sealed class RetrievalEvaluationTests(RetrievalEvaluationFixture fixture, ITestOutputHelper output) : IClassFixture<RetrievalEvaluationFixture>
{
    private IReadOnlyList<QuestionRun> OnTopic => [.. fixture.Runs.Where(r => r.Kind == QuestionKind.OnTopic)];

    private IReadOnlyList<QuestionRun> OffTopic => [.. fixture.Runs.Where(r => r.Kind == QuestionKind.OffTopic)];

    [Fact]
    public void The_set_is_large_enough_and_every_label_names_an_indexed_passage()
    {
        fixture.Businesses.Count.ShouldBe(3);
        OnTopic.Count.ShouldBeGreaterThanOrEqualTo(40);
        foreach (var business in fixture.Businesses)
        {
            business.Business.Questions.Count.ShouldBeGreaterThanOrEqualTo(20);
            business.Business.OffTopic.Count.ShouldBeGreaterThanOrEqualTo(10);
            business.Sources.ShouldAllBe(s => s.Source.Status == KnowledgeSourceStatus.Indexed && s.Chunks.Count > 0);
            business.Business.Questions.ShouldAllBe(q => business.HasPassage(q.Source, q.Citation), $"a label of {business.Business.Name} names no passage");
            business.Business.Questions.ShouldAllBe(
                q => !string.Equals(q.Text.Trim(), q.Citation, StringComparison.OrdinalIgnoreCase),
                "a visitor question repeats the FAQ question word for word");
        }
    }

    [Fact]
    public void Paraphrased_questions_find_their_passage_in_the_top_1_and_top_3()
    {
        output.WriteLine(fixture.Report);

        foreach (var business in OnTopic.GroupBy(r => r.Business))
        {
            var (hitAt1, hitAt3) = Floors.HitRates[business.Key];
            RetrievalMetrics.HitRate([.. business], 1).ShouldBeGreaterThanOrEqualTo(hitAt1, $"hit@1 of {business.Key}");
            RetrievalMetrics.HitRate([.. business], 3).ShouldBeGreaterThanOrEqualTo(hitAt3, $"hit@3 of {business.Key}");
        }

        RetrievalMetrics.HitRate(OnTopic, 1).ShouldBeGreaterThanOrEqualTo(Floors.OverallHitAt1);
        RetrievalMetrics.HitRate(OnTopic, 3).ShouldBeGreaterThanOrEqualTo(Floors.OverallHitAt3);
    }

    [Fact]
    public void Paraphrased_questions_are_found_above_the_similarity_threshold()
    {
        var missed = OnTopic.Where(r => !r.Result.Found).Select(r => $"{r.Question} ({r.BestSimilarity:0.000})");
        output.WriteLine($"Not found at {fixture.MinSimilarity}: {string.Join("; ", missed)}");

        RetrievalMetrics.FoundRate(OnTopic).ShouldBeGreaterThanOrEqualTo(Floors.OnTopicFound);
    }

    [Fact]
    public void Off_topic_questions_are_not_found()
    {
        var unrelated = OffTopic.Where(r => r.OffTopicKind == "unrelated").ToList();
        var found = OffTopic.Where(r => r.Result.Found).Select(r => $"{r.Question} ({r.BestSimilarity:0.000})");
        output.WriteLine($"Found at {fixture.MinSimilarity}: {string.Join("; ", found)}");

        (1 - RetrievalMetrics.FoundRate(unrelated)).ShouldBeGreaterThanOrEqualTo(Floors.UnrelatedRejected);
        (1 - RetrievalMetrics.FoundRate(OffTopic)).ShouldBeGreaterThanOrEqualTo(Floors.OffTopicRejected);
    }

    /// <summary>
    /// Through the chat's decision (answer from the first passage when found, else "not found"), per business and split.
    /// Measured on 2026-12-07 (use-lite-512; in scope / off topic: hit@1, wrongly declined, off-topic declined):
    /// before the word overlap (similarity ≥ 0.33 alone decided): plumbing tuning 68% / 5% / 29%, held out 82% / 9% / 33%;
    /// law tuning 83% / 0% / 42%, held out 100% / 0% / 30%. With ≥ 0.60 alone, or ≥ 0.33 with a fifth of the words:
    /// plumbing tuning 68% / 18% / 67%, held out 82% / 9% / 50%; law tuning 79% / 8% / 85%, held out 92% / 0% / 60% —
    /// but "do you work on weekends?" (0.45 to the opening hours, no shared word) was declined. Now (≥ 0.44 alone, or
    /// ≥ 0.33 with a third of the words): plumbing tuning 73% / 18% / 62%, held out 82% / 18% / 58%; law tuning
    /// 83% / 4% / 77%, held out 100% / 8% / 60%; all tuning splits together 8% / 66%. Issue 11's goal (off-topic
    /// declined ≥ 0.8 at wrongly declined ≤ 0.1, hit@1 ≥ 0.85) is not reached with this model: in-trade questions the
    /// content doesn't answer are as similar as paraphrases that share no word. The floors hold what was measured,
    /// a question under (the decision is deterministic; hit@1 varies by a question between runs), so that a
    /// regression fails and an improvement can raise them.
    /// </summary>
    [Theory]
    [InlineData("Brightwater Plumbing & Heating", false, 0.57, 0.23, 0.63)]
    [InlineData("Brightwater Plumbing & Heating", true, 0.50, 0.28, 0.70)]
    [InlineData("Harbor & Lane Law", false, 0.65, 0.09, 0.75)]
    [InlineData("Harbor & Lane Law", true, 0.50, 0.17, 0.83)]
    public void The_chat_answers_what_the_business_covers_and_declines_the_rest(string business, bool heldOut, double offTopicDeclined, double wronglyDeclined, double hitAt1)
    {
        output.WriteLine(fixture.Report);
        var quality = AnswerQuality.Of([.. fixture.Runs.Where(r => r.Business == business && r.Kind != QuestionKind.CrossBusiness && r.HeldOut == heldOut)]);

        quality.OffTopicDeclined.ShouldBeGreaterThanOrEqualTo(offTopicDeclined, quality.ToString());
        quality.WronglyDeclined.ShouldBeLessThanOrEqualTo(wronglyDeclined, quality.ToString());
        quality.HitAt1.ShouldBeGreaterThanOrEqualTo(hitAt1, quality.ToString());
    }

    [Fact]
    public void Questions_asked_in_the_other_business_never_return_its_passages()
    {
        var crossBusiness = fixture.Runs.Where(r => r.Kind == QuestionKind.CrossBusiness).ToList();

        crossBusiness.Count.ShouldBe(OnTopic.Count * (fixture.Businesses.Count - 1));
        foreach (var run in crossBusiness)
        {
            var tenant = fixture.Businesses.Single(b => b.Business.Name == run.AskedIn);
            run.Result.Passages.ShouldNotBeEmpty();
            run.Result.Passages.ShouldAllBe(p => tenant.Owns(p.SourceId), run.Question);
        }
    }

    /// <summary>
    /// A few points under the values measured on 2026-11-24 with use-lite-512, top 5, MinSimilarity 0.33 (33 questions
    /// per business, so one question is 3 points), full text ranking the passages holding every word and the vector
    /// candidates sharing any word, over several runs: plumbing hit@1 72.7–78.8% hit@3 87.9%, dental hit@1 66.7–72.7%
    /// hit@3 90.9–93.9%, overall hit@1 69.7–75.8% hit@3 89.4–90.9% (all-words-only full text: 57.6% / 84.8%). Runs differ
    /// by a question or two: passages with equal text rank are ordered by their ids, which are new on every run;
    /// on-topic found 95.5%; off-topic rejected 25% (unrelated 50%, nearby 0%). With the word overlap in the decision
    /// (2026-12-07, three businesses): on-topic found 91%, off-topic rejected far more (the answer-quality test).
    /// The rejection floors are low on purpose: with this model unrelated questions reach 0.52 and in-trade questions
    /// the content doesn't answer 0.38–0.64, as high as answerable ones, so the threshold only screens out the
    /// clearly unrelated half and the engine must still decline when the passages don't answer.
    /// </summary>
    private static class Floors
    {
        public const double OverallHitAt1 = 0.66;
        public const double OverallHitAt3 = 0.84;
        public const double OnTopicFound = 0.86;
        public const double UnrelatedRejected = 0.40;
        public const double OffTopicRejected = 0.20;

        public static readonly Dictionary<string, (double HitAt1, double HitAt3)> HitRates = new()
        {
            ["Brightwater Plumbing & Heating"] = (0.66, 0.81),
            ["Maple Street Dental"] = (0.60, 0.84),
            ["Harbor & Lane Law"] = (0.60, 0.84),
        };
    }
}
