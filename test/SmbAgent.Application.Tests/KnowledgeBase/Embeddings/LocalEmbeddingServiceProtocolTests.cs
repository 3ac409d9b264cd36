using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;
using SmbAgent.TestKit;
using Xunit.Abstractions;

namespace SmbAgent.Application.Tests.KnowledgeBase.Embeddings;

/// <summary>The local model service's HTTP contract, spoken with a raw HttpClient.</summary>
public sealed class LocalEmbeddingServiceProtocolTests(ITestOutputHelper output) : IDisposable
{
    private readonly HttpClient http = new() { BaseAddress = new Uri($"{TestEnvironment.EmbeddingsEndpoint.ToString().TrimEnd('/')}/"), Timeout = TimeSpan.FromSeconds(60) };

    public static TheoryData<string, string> BadRequests => new()
    {
        { """{"model":"use-lite-512","input":[]}""", "must not be empty" },
        { """{"model":"use-lite-512","input":""}""", "must not be empty" },
        { """{"model":"use-lite-512"}""", "'input' must be a string or an array" },
        { """{"model":"use-lite-512","input":["ok", 42]}""", "'input[1]' must be a string" },
        { """{"model":"use-lite-512","input":[[1,2,3]]}""", "'input[0]' must be a string" },
        { $$"""{"model":"use-lite-512","input":[{{string.Join(',', Enumerable.Repeat("\"a\"", 257))}}]}""", "at most 256" },
        { $$"""{"model":"use-lite-512","input":"{{new string('a', 20_001)}}"}""", "at most 20000 are allowed" },
        { """{"model":"use-lite-512","input":"hi","encoding_format":"int8"}""", "'encoding_format' must be" },
        { """{"model":"use-lite-512","input":"hi","dimensions":1536}""", "only produces 512" },
        { """{"input":"hi"}""", "'model' is required" },
        { """not json""", "not valid JSON" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_input_gets_400_with_an_OpenAI_style_error(string body, string message)
    {
        using var response = await http.PostAsync("embeddings", new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var error = (await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!;
        error["message"]!.GetValue<string>().ShouldContain(message);
        error["type"]!.GetValue<string>().ShouldBe("invalid_request_error");
    }

    [Fact]
    public async Task An_unknown_model_gets_404_model_not_found()
    {
        using var response = await http.PostAsJsonAsync("embeddings", new { model = "text-embedding-3-small", input = "hi" });

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!["code"]!.GetValue<string>().ShouldBe("model_not_found");
    }

    [Fact]
    public async Task Float_and_base64_formats_carry_the_same_vector_with_usage()
    {
        var asFloat = await EmbedAsync("float", "Can I book an appointment online?");
        var asBase64 = await EmbedAsync("base64", "Can I book an appointment online?");
        var byDefault = await EmbedAsync(null, "Can I book an appointment online?");

        asFloat["object"]!.GetValue<string>().ShouldBe("list");
        asFloat["model"]!.GetValue<string>().ShouldBe("use-lite-512");
        asFloat["usage"]!["prompt_tokens"]!.GetValue<int>().ShouldBeGreaterThan(0);
        var floats = asFloat["data"]![0]!["embedding"]!.AsArray().Select(v => v!.GetValue<float>()).ToArray();
        var decoded = MemoryMarshal.Cast<byte, float>(Convert.FromBase64String(asBase64["data"]![0]!["embedding"]!.GetValue<string>())).ToArray();
        floats.Length.ShouldBe(512);
        decoded.ShouldBe(floats, tolerance: 1e-6);
        byDefault["data"]![0]!["embedding"].ShouldBeOfType<JsonArray>();
    }

    [Fact]
    public async Task Health_answers_once_the_model_is_loaded()
    {
        var health = await http.GetFromJsonAsync<JsonObject>(new Uri(http.BaseAddress!, "/health"));

        health!["status"]!.GetValue<string>().ShouldBe("ok");
        health["dimensions"]!.GetValue<int>().ShouldBe(512);
    }

    [Fact]
    public async Task Batches_of_64_keep_answering_in_order()
    {
        var texts = Enumerable.Range(1, 64).Select(i => $"Question {i}: do you have parking space number {i * 7} near the shop?").ToArray();
        var timings = new List<double>();
        JsonObject last = null!;
        for (var run = 0; run < 4; run++)
        {
            var watch = Stopwatch.StartNew();
            last = await EmbedAsync("base64", texts);
            timings.Add(watch.Elapsed.TotalMilliseconds);
        }

        var data = last["data"]!.AsArray();
        data.Count.ShouldBe(64);
        data.Select(d => d!["index"]!.GetValue<int>()).ShouldBe(Enumerable.Range(0, 64));
        data.ShouldAllBe(d => Convert.FromBase64String(d!["embedding"]!.GetValue<string>()).Length == 512 * 4);
        output.WriteLine(System.FormattableString.Invariant($"64-input batch latency (ms): {string.Join(", ", timings.Select(t => t.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))}; {timings.Skip(1).Average() / 64:F1} ms per text when warm"));
    }

    public void Dispose() => http.Dispose();

    private async Task<JsonObject> EmbedAsync(string? format, params string[] texts)
    {
        var body = new JsonObject { ["model"] = "use-lite-512", ["input"] = new JsonArray([.. texts.Select(t => (JsonNode?)t)]) };
        if (format is not null)
        {
            body["encoding_format"] = format;
        }

        using var response = await http.PostAsJsonAsync("embeddings", body);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
