using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SmbAgent.TestKit.Stubs;

/// <summary>A request the stub received: path, Authorization header and the JSON body.</summary>
public sealed record RecordedRequest(string Path, string? Authorization, JsonObject Body);

/// <summary>A transcription request the stub received: its multipart fields, and the audio file's name and bytes.</summary>
public sealed record TranscriptionCall(string? Authorization, string? Model, string? ResponseFormat, string? FileName, byte[] Audio);

/// <summary>
/// A local stand-in for the OpenAI API on a free loopback port, recording every request. Point the SDK's
/// <c>OpenAIClientOptions.Endpoint</c> at <see cref="Endpoint"/>. Speaks <c>POST /v1/embeddings</c> in the
/// float and base64 formats, non-streaming <c>POST /v1/chat/completions</c> (answered by <see cref="Complete"/>) and
/// <c>POST /v1/audio/speech</c> (MP3 bytes derived from model, voice and input), multipart
/// <c>POST /v1/audio/transcriptions</c> (answering <see cref="TranscriptionText"/>); every other path answers 404 in
/// OpenAI's error shape.
/// </summary>
public sealed class OpenAiStubServer : IAsyncDisposable
{
    /// <summary>The voices OpenAI's speech endpoint takes; any other is a 400, as there.</summary>
    private static readonly string[] SpeechVoices = ["alloy", "ash", "ballad", "coral", "echo", "fable", "nova", "onyx", "sage", "shimmer", "verse"];

    private readonly WebApplication app;
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly ConcurrentQueue<TranscriptionCall> transcriptions = new();

    private OpenAiStubServer(WebApplication app) => this.app = app;

    /// <summary>Base address including <c>/v1</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. requests];

    public IReadOnlyList<ChatCompletionCall> ChatCalls => [.. requests.Where(r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal)).Select(r => new ChatCompletionCall(r.Body))];

    /// <summary>
    /// The assistant message's content for a chat completion. The default honours a JSON schema response format
    /// with a value that fits it (<see cref="ChatCompletionCall.Example"/>) and says "OK" otherwise.
    /// </summary>
    public Func<ChatCompletionCall, string> Complete { get; set; } = DefaultCompletion;

    /// <summary>When set, chat completions fail with this status in OpenAI's error shape (e.g. 500, 429).</summary>
    public int? ChatFailureStatus { get; set; }

    public IReadOnlyList<RecordedRequest> SpeechCalls => [.. requests.Where(r => r.Path.EndsWith("/audio/speech", StringComparison.Ordinal))];

    /// <summary>When set, speech requests fail with this status in OpenAI's error shape.</summary>
    public int? SpeechFailureStatus { get; set; }

    /// <summary>Delay before every speech answer, on top of <see cref="Delay"/> (to test the speech budget alone).</summary>
    public TimeSpan SpeechDelay { get; set; } = TimeSpan.Zero;

    /// <summary>Every transcription request, in arrival order, including failed ones.</summary>
    public IReadOnlyList<TranscriptionCall> TranscriptionCalls => [.. transcriptions];

    /// <summary>The text every transcription answers.</summary>
    public string TranscriptionText { get; set; } = "Hello, this is a voicemail.";

    /// <summary>When set, transcription requests fail with this status in OpenAI's error shape.</summary>
    public int? TranscriptionFailureStatus { get; set; }

    /// <summary>The vector the stub returns for a text; the default is deterministic per text.</summary>
    public Func<string, float[]> Embed { get; set; } = text => DeterministicVector(text, 1536);

    /// <summary>Delay before every answer (to test client timeouts).</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    public static async Task<OpenAiStubServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new OpenAiStubServer(app);
        app.MapPost("/v1/embeddings", stub.EmbeddingsAsync);
        app.MapPost("/v1/chat/completions", stub.ChatCompletionsAsync);
        app.MapPost("/v1/audio/speech", stub.SpeechAsync);
        app.MapPost("/v1/audio/transcriptions", stub.TranscriptionsAsync);
        app.MapFallback(context => WriteErrorAsync(context, StatusCodes.Status404NotFound, $"No stub for {context.Request.Path}."));
        await app.StartAsync();
        stub.Endpoint = new Uri($"{app.Urls.Single()}/v1");
        return stub;
    }

    /// <summary>A unit vector derived from the text, so different texts get different vectors.</summary>
    public static float[] DeterministicVector(string text, int dimensions)
    {
        var random = new Random(StringComparer.Ordinal.GetHashCode(text));
        var vector = new float[dimensions];
        for (var i = 0; i < dimensions; i++)
        {
            vector[i] = (float)(random.NextDouble() - 0.5);
        }

        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return [.. vector.Select(v => v / norm)];
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task EmbeddingsAsync(HttpContext context)
    {
        var body = await JsonSerializer.DeserializeAsync<JsonObject>(context.Request.Body, cancellationToken: context.RequestAborted);
        if (body is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "The body must be a JSON object.");
            return;
        }

        requests.Enqueue(new RecordedRequest(context.Request.Path, context.Request.Headers.Authorization, body));
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, context.RequestAborted);
        }

        var inputs = body["input"] switch
        {
            JsonArray array => array.Select(item => item?.GetValue<string>() ?? string.Empty).ToList(),
            JsonValue value => [value.GetValue<string>()],
            _ => [],
        };
        var base64 = body["encoding_format"]?.GetValue<string>() == "base64";
        var data = new JsonArray();
        for (var index = 0; index < inputs.Count; index++)
        {
            var vector = Embed(inputs[index]);
            JsonNode embedding = base64
                ? JsonValue.Create(Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan())))
                : new JsonArray([.. vector.Select(v => (JsonNode?)JsonValue.Create(v))]);
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = index, ["embedding"] = embedding });
        }

        var tokens = inputs.Sum(text => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
        await context.Response.WriteAsJsonAsync(new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = body["model"]?.GetValue<string>(),
            ["usage"] = new JsonObject { ["prompt_tokens"] = tokens, ["total_tokens"] = tokens },
        });
    }

    public static string DefaultCompletion(ChatCompletionCall call) =>
        call.Schema is { } schema ? ChatCompletionCall.Example(schema)?.ToJsonString() ?? "null" : "OK";

    private async Task ChatCompletionsAsync(HttpContext context)
    {
        var body = await JsonSerializer.DeserializeAsync<JsonObject>(context.Request.Body, cancellationToken: context.RequestAborted);
        if (body is null || body["messages"] is not JsonArray)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "The body must be a JSON object with messages.");
            return;
        }

        requests.Enqueue(new RecordedRequest(context.Request.Path, context.Request.Headers.Authorization, body));
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, context.RequestAborted);
        }

        if (ChatFailureStatus is { } status)
        {
            await WriteErrorAsync(context, status, "The stub was told to fail.");
            return;
        }

        if (body["stream"]?.GetValue<bool>() == true)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "The stub does not stream.");
            return;
        }

        var content = Complete(new ChatCompletionCall(body));
        var promptTokens = body["messages"]!.ToJsonString().Split(' ').Length;
        var completionTokens = content.Split(' ').Length;
        await context.Response.WriteAsJsonAsync(new JsonObject
        {
            ["id"] = $"chatcmpl-stub-{requests.Count}",
            ["object"] = "chat.completion",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["model"] = body["model"]?.GetValue<string>(),
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content, ["refusal"] = null },
                ["logprobs"] = null,
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject
            {
                ["prompt_tokens"] = promptTokens,
                ["completion_tokens"] = completionTokens,
                ["total_tokens"] = promptTokens + completionTokens,
            },
        });
    }

    /// <summary>What the stub answers for a speech request: an MP3 frame header, then bytes only these inputs give.</summary>
    public static byte[] SpeechAudio(string model, string voice, string input) =>
        [0xFF, 0xF3, 0x44, 0xC4, .. System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{model}|{voice}|{input}"))];

    private async Task SpeechAsync(HttpContext context)
    {
        var body = await JsonSerializer.DeserializeAsync<JsonObject>(context.Request.Body, cancellationToken: context.RequestAborted);
        if (body is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "The body must be a JSON object.");
            return;
        }

        requests.Enqueue(new RecordedRequest(context.Request.Path, context.Request.Headers.Authorization, body));
        var model = (body["model"] as JsonValue)?.TryGetValue<string>(out var m) == true ? m : null;
        var voice = (body["voice"] as JsonValue)?.TryGetValue<string>(out var v) == true ? v : null;
        var input = (body["input"] as JsonValue)?.TryGetValue<string>(out var i) == true ? i : null;
        var format = (body["response_format"] as JsonValue)?.TryGetValue<string>(out var f) == true ? f : "mp3";
        var problem = string.IsNullOrEmpty(model) ? "'model' is required."
            : voice is null || !SpeechVoices.Contains(voice) ? $"'voice' must be one of {string.Join(", ", SpeechVoices)}."
            : string.IsNullOrEmpty(input) ? "'input' is required."
            : input.Length > 4096 ? "'input' is longer than 4096 characters."
            : format != "mp3" ? "The stub speaks mp3 only."
            : null;
        if (problem is not null)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, problem);
            return;
        }

        if (Delay + SpeechDelay > TimeSpan.Zero)
        {
            await Task.Delay(Delay + SpeechDelay, context.RequestAborted);
        }

        if (SpeechFailureStatus is { } status)
        {
            await WriteErrorAsync(context, status, "The stub was told to fail.");
            return;
        }

        context.Response.ContentType = "audio/mpeg";
        await context.Response.Body.WriteAsync(SpeechAudio(model!, voice!, input!), context.RequestAborted);
    }

    private async Task TranscriptionsAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType || !context.Request.ContentType!.StartsWith("multipart/form-data", StringComparison.Ordinal))
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "The body must be multipart/form-data.");
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var file = form.Files.GetFile("file");
        using var audio = new MemoryStream();
        if (file is not null)
        {
            await file.CopyToAsync(audio, context.RequestAborted);
        }

        var model = form["model"].ToString();
        var format = form["response_format"].ToString();
        transcriptions.Enqueue(new TranscriptionCall(context.Request.Headers.Authorization, model, format.Length == 0 ? null : format, file?.FileName, audio.ToArray()));
        var problem = file is null || audio.Length == 0 ? "'file' is required."
            : model.Length == 0 ? "'model' is required."
            : format is not ("" or "json" or "text") ? "The stub answers json and text only."
            : null;
        if (problem is not null)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, problem);
            return;
        }

        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, context.RequestAborted);
        }

        if (TranscriptionFailureStatus is { } status)
        {
            await WriteErrorAsync(context, status, "The stub was told to fail.");
            return;
        }

        if (format == "text")
        {
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync(TranscriptionText, context.RequestAborted);
            return;
        }

        await context.Response.WriteAsJsonAsync(new JsonObject { ["text"] = TranscriptionText }, context.RequestAborted);
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new JsonObject
        {
            ["error"] = new JsonObject { ["message"] = message, ["type"] = "invalid_request_error", ["param"] = null, ["code"] = null },
        });
    }
}
