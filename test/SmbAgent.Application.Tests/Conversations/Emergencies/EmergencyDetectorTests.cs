using System.Diagnostics;
using Microsoft.Extensions.Options;
using SmbAgent.Conversations;
using SmbAgent.Conversations.Emergencies;

namespace SmbAgent.Application.Tests.Conversations.Emergencies;

/// <summary>
/// How the detector combines the lexicon with similarity, and how it behaves when the embedding service is
/// slow or down. A stand-in service that gives every text the same vector makes every turn a perfect match for
/// the first urgent example, so the combination rules can be seen without a model.
/// </summary>
public sealed class EmergencyDetectorTests
{
    private static readonly Dictionary<string, string?> ShortTimeout = new() { ["Conversations:Emergencies:SimilarityTimeout"] = "00:00:00.200" };

    [Fact]
    public async Task Similarity_flags_a_turn_the_lexicon_has_no_words_for()
    {
        using var host = new EmergencyDetectionHost(new StandInEmbeddingGenerator());

        var assessment = await host.Detector.DetectAsync("Are you open on Saturday?", "en", []);

        assessment.Level.ShouldBe(LeadPriority.Urgent);
        assessment.MatchedBy.ShouldBe(EmergencyMatchKind.Similarity);
        assessment.Match.ShouldBe("water is coming through my ceiling");
        assessment.Similarity.ShouldNotBeNull().ShouldBe(1f, 1e-5f);
    }

    [Fact]
    public async Task Similarity_cannot_overrule_words_the_lexicon_cleared()
    {
        var generator = new StandInEmbeddingGenerator();
        using var host = new EmergencyDetectionHost(generator);

        var negated = await host.Detector.DetectAsync("there is no smoke", "en", []);
        var harmless = await host.Detector.DetectAsync("what's your fire safety certificate number?", "en", []);
        var ownerHarmless = await host.Detector.DetectAsync("the flue cap is rattling", "en", [new("flue cap", LeadPriority.Low)]);

        negated.ShouldBe(new EmergencyAssessment(LeadPriority.Normal, EmergencyMatchKind.Lexicon, "smoke|smoking|smoky"));
        harmless.Level.ShouldBe(LeadPriority.Normal);
        harmless.MatchedBy.ShouldBe(EmergencyMatchKind.Lexicon);
        ownerHarmless.ShouldBe(new EmergencyAssessment(LeadPriority.Normal, EmergencyMatchKind.OwnerWord, "flue cap"));
        generator.Batches.ShouldBe(0);
    }

    [Fact]
    public async Task The_higher_level_wins_and_an_urgent_phrase_needs_no_embedding()
    {
        var generator = new StandInEmbeddingGenerator();
        using var host = new EmergencyDetectionHost(generator);

        var urgent = await host.Detector.DetectAsync("the basement is flooding", "en", []);
        generator.Batches.ShouldBe(0);
        var high = await host.Detector.DetectAsync("the tap is leaking", "en", []);

        urgent.ShouldBe(new EmergencyAssessment(LeadPriority.Urgent, EmergencyMatchKind.Lexicon, "flood|floods|flooded|flooding"));
        high.Level.ShouldBe(LeadPriority.Urgent);
        high.MatchedBy.ShouldBe(EmergencyMatchKind.Similarity);
    }

    [Fact]
    public async Task When_the_embedding_service_fails_the_lexicon_decides_alone()
    {
        var generator = new StandInEmbeddingGenerator { Mode = StandInEmbeddingGenerator.Behaviour.Fail };
        using var host = new EmergencyDetectionHost(generator);

        var high = await host.Detector.DetectAsync("the tap is leaking", "en", []);
        var normal = await host.Detector.DetectAsync("Are you open on Saturday?", "en", []);

        high.ShouldBe(new EmergencyAssessment(LeadPriority.High, EmergencyMatchKind.Lexicon, "leak|leaks|leaking|leaked|leaky|leakage"));
        normal.ShouldBe(EmergencyAssessment.None);
        generator.Batches.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task When_the_embedding_service_hangs_the_turn_waits_only_the_timeout()
    {
        var generator = new StandInEmbeddingGenerator { Mode = StandInEmbeddingGenerator.Behaviour.Hang };
        using var host = new EmergencyDetectionHost(generator, ShortTimeout);
        var clock = Stopwatch.StartNew();

        var first = await host.Detector.DetectAsync("the tap is leaking", "en", []);
        var second = await host.Detector.DetectAsync("Are you open on Saturday?", "en", []);

        clock.Stop();
        first.ShouldBe(new EmergencyAssessment(LeadPriority.High, EmergencyMatchKind.Lexicon, "leak|leaks|leaking|leaked|leaky|leakage"));
        second.ShouldBe(EmergencyAssessment.None);
        // Two turns of 0.2 s each; the bound only leaves room for a slow machine.
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(3));
        clock.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(350));
    }

    [Fact]
    public async Task The_caller_cancelling_the_turn_still_cancels_it()
    {
        var generator = new StandInEmbeddingGenerator { Mode = StandInEmbeddingGenerator.Behaviour.Hang };
        using var host = new EmergencyDetectionHost(generator);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Should.ThrowAsync<OperationCanceledException>(() => host.Detector.DetectAsync("hello", "en", [], cancellation.Token));
    }

    [Fact]
    public async Task The_examples_are_embedded_once_for_all_turns_even_concurrent_ones()
    {
        var generator = new StandInEmbeddingGenerator();
        using var host = new EmergencyDetectionHost(generator);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => host.Detector.DetectAsync($"question number {i}", "en", [])));
        await host.Detector.DetectAsync("one more question", "en", []);

        var exampleBatches = generator.BatchSizes.Count(size => size > 1);
        exampleBatches.ShouldBe(1);
        generator.BatchSizes.Count(size => size == 1).ShouldBe(21);
    }

    [Fact]
    public async Task A_failed_example_batch_is_not_cached_and_the_next_turn_recovers()
    {
        var generator = new StandInEmbeddingGenerator { FailFirst = 2 };
        using var host = new EmergencyDetectionHost(generator);

        var whileDown = await host.Detector.DetectAsync("Are you open on Saturday?", "en", []);
        var afterwards = await host.Detector.DetectAsync("Are you open on Saturday?", "en", []);
        var exampleBatches = generator.BatchSizes.Count(size => size > 1);
        var later = await host.Detector.DetectAsync("Are you open on Sunday?", "en", []);

        whileDown.ShouldBe(EmergencyAssessment.None);
        afterwards.MatchedBy.ShouldBe(EmergencyMatchKind.Similarity);
        later.MatchedBy.ShouldBe(EmergencyMatchKind.Similarity);
        // Two failed attempts and one that worked (three when a failure lands before the first turn looks at
        // it, and that turn retries at once); the one that worked is kept.
        exampleBatches.ShouldBeInRange(2, 3);
        generator.BatchSizes.Count(size => size > 1).ShouldBe(exampleBatches);
    }

    [Fact]
    public async Task Turns_in_a_language_the_model_does_not_understand_skip_similarity()
    {
        var generator = new StandInEmbeddingGenerator();
        using var host = new EmergencyDetectionHost(generator);

        var assessment = await host.Detector.DetectAsync("¿Abren el sábado?", "es", []);

        assessment.ShouldBe(EmergencyAssessment.None);
        generator.Batches.ShouldBe(0);
    }

    [Fact]
    public async Task A_model_without_measured_thresholds_gets_no_similarity_until_configured()
    {
        var unmeasured = new StandInEmbeddingGenerator();
        using var unmeasuredHost = new EmergencyDetectionHost(unmeasured, new Dictionary<string, string?> { ["Embeddings:Model"] = "other-model" });
        var configured = new StandInEmbeddingGenerator();
        using var configuredHost = new EmergencyDetectionHost(configured, new Dictionary<string, string?>
        {
            ["Embeddings:Model"] = "other-model",
            ["Conversations:Emergencies:Similarity:other-model:Urgent"] = "0.9",
            ["Conversations:Emergencies:Similarity:other-model:High"] = "0.9",
            ["Conversations:Emergencies:Similarity:other-model:Languages:0"] = "es",
        });

        var withoutThresholds = await unmeasuredHost.Detector.DetectAsync("¿Abren el sábado?", "es", []);
        var withThresholds = await configuredHost.Detector.DetectAsync("¿Abren el sábado?", "es", []);

        unmeasuredHost.Model.Model.ShouldBe("other-model");
        withoutThresholds.ShouldBe(EmergencyAssessment.None);
        unmeasured.Batches.ShouldBe(0);
        withThresholds.MatchedBy.ShouldBe(EmergencyMatchKind.Similarity);
    }

    [Theory]
    [InlineData("Conversations:Emergencies:SimilarityTimeout", "00:00:00")]
    [InlineData("Conversations:Emergencies:Similarity:use-lite-512:Urgent", "0")]
    [InlineData("Conversations:Emergencies:Similarity:use-lite-512:High", "1.5")]
    public void Settings_that_would_break_every_turn_are_refused(string key, string value)
    {
        using var host = new EmergencyDetectionHost(settings: new Dictionary<string, string?> { [key] = value });

        Should.Throw<OptionsValidationException>(() => host.Options).Message.ShouldContain("Conversations:Emergencies");
    }

    [Fact]
    public void The_measured_thresholds_apply_unless_configured()
    {
        using var host = new EmergencyDetectionHost();

        host.Options.ThresholdsFor("use-lite-512").ShouldBe(EmergencyDetectionOptions.MeasuredThresholds["use-lite-512"]);
        host.Options.ThresholdsFor("text-embedding-3-small").ShouldBeNull();
        host.Options.SimilarityTimeout.ShouldBe(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task With_the_real_model_a_paraphrase_no_phrase_lists_is_caught()
    {
        // What the model makes of the words is under test, not its speed: a loaded machine may take longer than 2 s.
        using var host = new EmergencyDetectionHost(settings: new Dictionary<string, string?> { ["Conversations:Emergencies:SimilarityTimeout"] = "00:00:30" });
        const string Turn = "there's a river running across my living room floor";

        host.Lexicon.Match(Turn, "en", []).Level.ShouldBe(LeadPriority.Normal);
        var assessment = await host.Detector.DetectAsync(Turn, "en", []);

        assessment.Level.ShouldBe(LeadPriority.Urgent);
        assessment.MatchedBy.ShouldBe(EmergencyMatchKind.Similarity);
        assessment.Match.ShouldBe("my basement is under water");
    }
}
