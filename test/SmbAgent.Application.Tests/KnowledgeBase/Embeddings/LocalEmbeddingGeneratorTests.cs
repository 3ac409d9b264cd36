using Microsoft.Extensions.AI;
using System.Globalization;
using SmbAgent.KnowledgeBase.Embeddings;
using Xunit.Abstractions;

namespace SmbAgent.Application.Tests.KnowledgeBase.Embeddings;

/// <summary>The generator the app registers without an OpenAI key, against the real local model service.</summary>
public sealed class LocalEmbeddingGeneratorTests(ITestOutputHelper output) : IDisposable
{
    private readonly EmbeddingHost host = EmbeddingHost.Local();

    [Fact]
    public void Without_an_OpenAI_key_the_local_model_is_registered_with_its_name_and_size()
    {
        host.Model.ShouldBe(new EmbeddingModelInfo("use-lite-512", 512, EmbeddingProviders.Local));
    }

    [Fact]
    public async Task A_batch_gets_one_512_dimension_unit_vector_per_text_in_order()
    {
        string[] texts = ["Do you deliver to the suburbs?", "Our plumbers work on weekends.", "Refunds take five days."];

        var embeddings = await host.Generator.GenerateAsync(texts);
        var single = await host.Generator.GenerateAsync([texts[1]]);

        embeddings.Count.ShouldBe(3);
        embeddings.ShouldAllBe(e => e.Vector.Length == 512);
        embeddings.ShouldAllBe(e => Math.Abs(EmbeddingHost.Norm(e.Vector) - 1f) < 1e-4f);
        embeddings.ShouldAllBe(e => e.ModelId == "use-lite-512");
        // Order is kept: the second vector of the batch is the one for the second text alone.
        EmbeddingHost.Cosine(embeddings[1].Vector, single[0].Vector).ShouldBeGreaterThan(0.999f);
        EmbeddingHost.Cosine(embeddings[0].Vector, single[0].Vector).ShouldBeLessThan(0.9f);
    }

    [Fact]
    public async Task Concurrent_single_texts_sent_together_get_the_vectors_they_get_one_at_a_time()
    {
        var texts = Enumerable.Range(1, 40).Select(i => $"Do you repair boiler model {i} on weekends?").ToArray();

        var together = await Task.WhenAll(texts.Select(t => host.Generator.GenerateVectorAsync(t)));
        var alone = new List<ReadOnlyMemory<float>>();
        foreach (var text in texts)
        {
            alone.Add(await host.Generator.GenerateVectorAsync(text));
        }

        for (var i = 0; i < texts.Length; i++)
        {
            EmbeddingHost.Cosine(together[i], alone[i]).ShouldBeGreaterThan(0.9999f, texts[i]);
        }

        EmbeddingHost.Cosine(together[0], together[1]).ShouldBeLessThan(0.9999f);
    }

    [Fact]
    public async Task A_paraphrase_is_far_more_similar_than_an_unrelated_question()
    {
        var embeddings = await host.Generator.GenerateAsync(
            ["Are you open on Saturdays?", "What are your weekend opening hours?", "How much does a boiler replacement cost?"]);

        var paraphrase = EmbeddingHost.Cosine(embeddings[0].Vector, embeddings[1].Vector);
        var unrelated = EmbeddingHost.Cosine(embeddings[0].Vector, embeddings[2].Vector);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"paraphrase cosine {paraphrase:F3}, unrelated cosine {unrelated:F3}"));

        // Measured: paraphrase ≈ 0.55, unrelated ≈ 0.1 (see the report); the floors leave room for float noise only.
        paraphrase.ShouldBeGreaterThan(0.45f);
        unrelated.ShouldBeLessThan(0.25f);
        (paraphrase - unrelated).ShouldBeGreaterThan(0.3f);
    }

    [Fact]
    public async Task More_texts_than_the_service_takes_in_one_request_are_split_into_batches()
    {
        var texts = Enumerable.Range(1, 300).Select(i => $"Can I park {i} cars outside the bakery on day {i}?").ToArray();

        var embeddings = await host.Generator.GenerateAsync(texts);
        var last = await host.Generator.GenerateAsync([texts[^1]]);

        embeddings.Count.ShouldBe(300);
        embeddings.ShouldAllBe(e => e.Vector.Length == 512);
        EmbeddingHost.Cosine(embeddings[^1].Vector, last[0].Vector).ShouldBeGreaterThan(0.999f);
        embeddings.Usage!.InputTokenCount.ShouldNotBeNull().ShouldBeGreaterThan(300);
    }

    public void Dispose() => host.Dispose();
}
