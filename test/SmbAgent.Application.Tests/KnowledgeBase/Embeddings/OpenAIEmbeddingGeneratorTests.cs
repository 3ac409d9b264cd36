using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using SmbAgent.KnowledgeBase.Embeddings;
using SmbAgent.TestKit.Stubs;

namespace SmbAgent.Application.Tests.KnowledgeBase.Embeddings;

/// <summary>The generator the app registers with an OpenAI key, against a local stub that records requests.</summary>
public sealed class OpenAIEmbeddingGeneratorTests : IAsyncLifetime
{
    private OpenAiStubServer stub = null!;

    public async Task InitializeAsync() => stub = await OpenAiStubServer.StartAsync();

    public async Task DisposeAsync() => await stub.DisposeAsync();

    [Fact]
    public async Task With_a_key_text_embedding_3_small_is_requested_as_base64_and_decoded_exactly()
    {
        using var host = OpenAIHost();
        string[] texts = ["Are you open on Saturdays?", "Do you fix leaking taps?"];

        var embeddings = await host.Generator.GenerateAsync(texts);

        host.Model.ShouldBe(new EmbeddingModelInfo("text-embedding-3-small", 1536, EmbeddingProviders.OpenAI));
        var request = stub.Requests.ShouldHaveSingleItem();
        request.Path.ShouldBe("/v1/embeddings");
        request.Authorization.ShouldBe("Bearer sk-test-key");
        request.Body["model"]!.GetValue<string>().ShouldBe("text-embedding-3-small");
        request.Body["encoding_format"]!.GetValue<string>().ShouldBe("base64");
        request.Body["input"]!.AsArray().Select(i => i!.GetValue<string>()).ShouldBe(texts);
        request.Body.ContainsKey("dimensions").ShouldBeFalse();
        embeddings.Count.ShouldBe(2);
        embeddings[0].Vector.ToArray().ShouldBe(OpenAiStubServer.DeterministicVector(texts[0], 1536));
        embeddings[1].Vector.ToArray().ShouldBe(OpenAiStubServer.DeterministicVector(texts[1], 1536));
    }

    [Fact]
    public async Task A_configured_model_and_size_are_sent_and_reported()
    {
        stub.Embed = text => OpenAiStubServer.DeterministicVector(text, 256);
        using var host = OpenAIHost(new() { ["OpenAI:EmbeddingModel"] = "text-embedding-3-large", ["OpenAI:EmbeddingDimensions"] = "256" });

        var embedding = await host.Generator.GenerateVectorAsync("Do you offer gift cards?");

        host.Model.ShouldBe(new EmbeddingModelInfo("text-embedding-3-large", 256, EmbeddingProviders.OpenAI));
        var request = stub.Requests.ShouldHaveSingleItem();
        request.Body["model"]!.GetValue<string>().ShouldBe("text-embedding-3-large");
        request.Body["dimensions"]!.GetValue<int>().ShouldBe(256);
        embedding.Length.ShouldBe(256);
    }

    [Fact]
    public async Task A_key_from_OPENAI_API_KEY_selects_OpenAI_too()
    {
        using var host = new EmbeddingHost(new Dictionary<string, string?>
        {
            ["OPENAI_API_KEY"] = "sk-from-env",
            ["OpenAI:Endpoint"] = stub.Endpoint.ToString(),
        });

        await host.Generator.GenerateAsync(["hello"]);

        host.Model.Provider.ShouldBe(EmbeddingProviders.OpenAI);
        stub.Requests.ShouldHaveSingleItem().Authorization.ShouldBe("Bearer sk-from-env");
    }

    [Fact]
    public async Task A_provider_that_does_not_answer_in_time_fails_instead_of_hanging()
    {
        stub.Delay = TimeSpan.FromSeconds(20);
        using var host = OpenAIHost(new() { ["Embeddings:Timeout"] = "00:00:00.300", ["Embeddings:MaxRetries"] = "0" });
        var started = TimeProvider.System.GetTimestamp();

        await Should.ThrowAsync<Exception>(() => host.Generator.GenerateAsync(["slow"]));

        TimeProvider.System.GetElapsedTime(started).ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }

    private EmbeddingHost OpenAIHost(Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["OpenAI:ApiKey"] = "sk-test-key",
            ["OpenAI:Endpoint"] = stub.Endpoint.ToString(),
            // The local settings are present too, as on a developer machine: the key must win.
            ["Embeddings:Endpoint"] = "http://127.0.0.1:9/v1",
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return new EmbeddingHost(settings);
    }
}
