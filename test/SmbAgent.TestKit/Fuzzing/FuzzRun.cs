using System.Diagnostics;
using System.Globalization;
using System.Net;
using CsCheck;
using Npgsql;
using Shouldly;

namespace SmbAgent.TestKit.Fuzzing;

/// <summary>
/// Sends <see cref="FuzzBudget.Inputs"/> generated requests to one target, one at a time, and records every finding:
/// a 5xx or an exception, an answer <paramref name="judge"/> refuses, no answer within <see cref="FuzzBudget.RequestTimeout"/>,
/// and rows or usage added by a refused (4xx) request. Ends by reporting (long pass) and failing with the seed and the
/// first offending inputs.
/// </summary>
public sealed class FuzzRun(string target, TestDatabase database, Func<HttpResponseMessage, string, FuzzFinding?> judge)
{
    private const int KeptExamples = 5;

    private readonly Dictionary<FuzzFinding, int> _counts = [];
    private readonly List<string> _examples = [];
    private int _tried;

    /// <summary>Runs the budget; <paramref name="send"/> sends one request (with its own client, cookies or token).</summary>
    public async Task RunAsync(Gen<FuzzRequest> inputs, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send)
    {
        await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
        await connection.OpenAsync();
        var stored = await StoredRows.ReadAsync(connection);
        var clock = Stopwatch.StartNew();

        await inputs.SampleAsync(async input =>
            {
                _tried++;
                var (status, finding, detail) = await TryAsync(input, send);
                var now = await StoredRows.ReadAsync(connection);
                if (status is >= 400 and < 500 && now != stored)
                {
                    Record(now with { Usage = stored.Usage } == stored ? FuzzFinding.QuotaChangedOnRefusal : FuzzFinding.StoredOnRefusal,
                        input, $"{status}: {stored} -> {now}");
                }

                stored = now;
                if (finding is { } found)
                {
                    Record(found, input, detail);
                }
            },
            seed: FuzzBudget.Seed, iter: FuzzBudget.Inputs, threads: 1);

        await ReportAsync(clock.Elapsed);
        _counts.Count.ShouldBe(0, $"{target}: {_tried} inputs from seed {FuzzBudget.Seed} ({FuzzBudget.SeedVariable}) found:\n{string.Join("\n", _examples)}");
    }

    private async Task<(int Status, FuzzFinding? Finding, string Detail)> TryAsync(
        FuzzRequest input, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send)
    {
        using var timeout = new CancellationTokenSource(FuzzBudget.RequestTimeout);
        try
        {
            using var request = input.ToMessage();
            using var response = await send(request, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            var status = (int)response.StatusCode;
            if (status >= 500)
            {
                return (status, FuzzFinding.ServerError, $"{status}: {Clip(body)}");
            }

            return (status, judge(response, body), $"{status} {response.Content.Headers.ContentType}: {Clip(body)}");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return (0, FuzzFinding.Hang, $"no answer within {FuzzBudget.RequestTimeout.TotalSeconds:0} s");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The test server hands an unhandled exception to the client: in production it is a 500.
            return (500, FuzzFinding.ServerError, $"{exception.GetType().Name}: {Clip(exception.Message)}");
        }
    }

    private void Record(FuzzFinding finding, FuzzRequest input, string detail)
    {
        _counts[finding] = _counts.GetValueOrDefault(finding) + 1;
        if (_examples.Count < KeptExamples)
        {
            _examples.Add($"{finding} ({detail}) <- {input}");
        }
    }

    private async Task ReportAsync(TimeSpan elapsed)
    {
        if (FuzzBudget.ReportDirectory is not { } directory)
        {
            return;
        }

        Directory.CreateDirectory(directory);
        var counts = string.Join(" ", Enum.GetValues<FuzzFinding>().Select(f => $"{f}={_counts.GetValueOrDefault(f)}"));
        var lines = new List<string> { string.Create(CultureInfo.InvariantCulture, $"{target}\t{_tried}\t{elapsed.TotalSeconds:0.0}\t{FuzzBudget.Seed}\t{counts}") };
        lines.AddRange(_examples.Select(e => "\t" + e));
        await File.WriteAllLinesAsync(Path.Combine(directory, target + ".txt"), lines);
    }

    private static string Clip(string text) => text.Length > 300 ? text[..300] + "…" : text;

    /// <summary>The API's standard: every 4xx is problem+json that parses.</summary>
    public static FuzzFinding? ProblemJson(HttpResponseMessage response, string body)
    {
        if ((int)response.StatusCode < 400)
        {
            return null;
        }

        return response.Content.Headers.ContentType?.MediaType == "application/problem+json" && Parses(body) ? null : FuzzFinding.NotAProblem;
    }

    /// <summary>
    /// The admin's standard: a 4xx is the friendly status page (HTML without a stack trace) or, for text refused at the
    /// edge, a problem+json body; nothing shows a stack trace.
    /// </summary>
    public static FuzzFinding? FriendlyPage(HttpResponseMessage response, string body)
    {
        if (body.Contains("   at ", StringComparison.Ordinal) && body.Contains("Exception", StringComparison.Ordinal))
        {
            return FuzzFinding.NotAFriendlyPage;
        }

        if ((int)response.StatusCode < 400)
        {
            return null;
        }

        return response.Content.Headers.ContentType?.MediaType switch
        {
            "application/problem+json" when Parses(body) => null,
            "text/html" when response.StatusCode is not HttpStatusCode.BadRequest || body.Length > 0 => null,
            _ => FuzzFinding.NotAFriendlyPage,
        };
    }

    private static bool Parses(string json)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(json);
            return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }
}
