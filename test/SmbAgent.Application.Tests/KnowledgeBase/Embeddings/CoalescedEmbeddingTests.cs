using Microsoft.Extensions.AI;
using SmbAgent.TestKit.Stubs;

namespace SmbAgent.Application.Tests.KnowledgeBase.Embeddings;

/// <summary>
/// Concurrent single texts share requests to the model, and a request's text is embedded once (the generator the
/// app registers, against the OpenAI stub, which records every request and holds each for its Delay).
/// </summary>
public sealed class CoalescedEmbeddingTests : IAsyncLifetime
{
    private OpenAiStubServer stub = null!;

    public async Task InitializeAsync() => stub = await OpenAiStubServer.StartAsync();

    public async Task DisposeAsync() => await stub.DisposeAsync();

    [Fact]
    public async Task Texts_asked_for_while_a_request_is_in_flight_go_together_in_the_next_one()
    {
        using var host = OpenAIHost();
        stub.Delay = TimeSpan.FromMilliseconds(400);

        var first = host.Generator.GenerateVectorAsync("first");
        await InFlightAsync(1);
        var queued = Enumerable.Range(0, 10).Select(i => host.Generator.GenerateVectorAsync($"question {i}")).ToList();
        var vectors = await Task.WhenAll(queued);

        (await first).ToArray().ShouldBe(OpenAiStubServer.DeterministicVector("first", 1536));
        stub.Requests.Count.ShouldBe(2);
        Inputs(stub.Requests[0]).ShouldBe(["first"]);
        Inputs(stub.Requests[1]).ShouldBe([.. Enumerable.Range(0, 10).Select(i => $"question {i}")]);
        for (var i = 0; i < 10; i++)
        {
            vectors[i].ToArray().ShouldBe(OpenAiStubServer.DeterministicVector($"question {i}", 1536));
        }
    }

    [Fact]
    public async Task A_caller_that_stops_waiting_fails_alone_and_its_text_is_not_sent()
    {
        using var host = OpenAIHost();
        stub.Delay = TimeSpan.FromMilliseconds(400);
        using var giveUp = new CancellationTokenSource();

        var first = host.Generator.GenerateVectorAsync("first", cancellationToken: giveUp.Token);
        await InFlightAsync(1);
        var abandoned = host.Generator.GenerateVectorAsync("abandoned", cancellationToken: giveUp.Token);
        var kept = host.Generator.GenerateVectorAsync("kept");
        await giveUp.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => first);
        await Should.ThrowAsync<OperationCanceledException>(() => abandoned);
        (await kept).ToArray().ShouldBe(OpenAiStubServer.DeterministicVector("kept", 1536));
        stub.Requests.Select(Inputs).ShouldBe([["first"], ["kept"]]);
    }

    [Fact]
    public async Task A_failed_request_fails_every_text_in_it_and_the_next_request_is_served()
    {
        using var host = OpenAIHost(new() { ["Embeddings:MaxRetries"] = "0" });
        stub.Delay = TimeSpan.FromMilliseconds(400);
        stub.Embed = text => text == "poison" ? throw new InvalidOperationException("the model failed") : OpenAiStubServer.DeterministicVector(text, 1536);

        var first = host.Generator.GenerateVectorAsync("first");
        await InFlightAsync(1);
        var poisoned = host.Generator.GenerateVectorAsync("poison");
        var sameBatch = host.Generator.GenerateVectorAsync("innocent");
        await first;
        var failures = await Task.WhenAll(Fails(poisoned), Fails(sameBatch));
        var after = await host.Generator.GenerateVectorAsync("after");

        failures.ShouldAllBe(e => e is System.ClientModel.ClientResultException);
        after.ToArray().ShouldBe(OpenAiStubServer.DeterministicVector("after", 1536));
        stub.Requests.Select(Inputs).ShouldBe([["first"], ["poison", "innocent"], ["after"]]);
    }

    [Fact]
    public async Task A_disposed_generator_refuses_texts_and_fails_those_still_queued()
    {
        var host = OpenAIHost();
        stub.Delay = TimeSpan.FromMilliseconds(400);

        var first = host.Generator.GenerateVectorAsync("first");
        await InFlightAsync(1);
        var queued = host.Generator.GenerateVectorAsync("queued");
        var generator = host.Generator;
        host.Dispose();

        await Should.ThrowAsync<ObjectDisposedException>(() => queued);
        await Should.ThrowAsync<ObjectDisposedException>(() => generator.GenerateVectorAsync("late"));
        await Should.ThrowAsync<OperationCanceledException>(() => first);
    }

    [Fact]
    public async Task Within_a_scope_a_text_is_embedded_once_and_a_caller_giving_up_does_not_cancel_it_for_the_next()
    {
        using var host = OpenAIHost();
        stub.Delay = TimeSpan.FromMilliseconds(400);
        var (scope, memo) = host.NewScope();
        using (scope)
        {
            // The emergency check's budget: it stops waiting, the knowledge search still gets the vector.
            await Should.ThrowAsync<TimeoutException>(() => memo.GenerateVectorAsync("my boiler is making a noise").WaitAsync(TimeSpan.FromMilliseconds(50)));
            using (var cancelled = new CancellationTokenSource(TimeSpan.FromMilliseconds(50)))
            {
                await Should.ThrowAsync<OperationCanceledException>(() => memo.GenerateVectorAsync("my boiler is making a noise", cancellationToken: cancelled.Token));
            }

            var vector = await memo.GenerateVectorAsync("my boiler is making a noise");

            vector.ToArray().ShouldBe(OpenAiStubServer.DeterministicVector("my boiler is making a noise", 1536));
        }

        var (other, otherMemo) = host.NewScope();
        using (other)
        {
            await otherMemo.GenerateVectorAsync("my boiler is making a noise");
        }

        stub.Requests.Select(Inputs).ShouldBe([["my boiler is making a noise"], ["my boiler is making a noise"]], "one request per scope");
    }

    private static async Task<Exception> Fails(Task task) => await Should.ThrowAsync<Exception>(() => task);

    private static string[] Inputs(RecordedRequest request) => [.. request.Body["input"]!.AsArray().Select(i => i!.GetValue<string>())];

    /// <summary>Until the stub has received <paramref name="count"/> requests: texts asked for from now on queue behind them.</summary>
    private async Task InFlightAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (stub.Requests.Count < count)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline);
            await Task.Delay(5);
        }
    }

    private EmbeddingHost OpenAIHost(Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["OpenAI:ApiKey"] = "sk-test-key",
            ["OpenAI:Endpoint"] = stub.Endpoint.ToString(),
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return new EmbeddingHost(settings);
    }
}
