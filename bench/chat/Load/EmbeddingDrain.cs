using System.Diagnostics;
using System.Net.Http.Json;

namespace SmbAgent.Bench.Chat.Load;

/// <summary>
/// Waits until the embedding service answers one text promptly again. A request the host gave up on (the
/// emergency check's 2 s budget) is still computed by the service, so after an overloaded phase it can stay busy
/// for a while with work nobody waits for; the next phase would otherwise pay for it.
/// </summary>
public sealed class EmbeddingDrain(HttpClient http, BenchSettings settings)
{
    private static readonly TimeSpan Prompt = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    /// <returns>How long it took; more than a moment means the previous phase left a backlog.</returns>
    public async Task<TimeSpan> WaitAsync()
    {
        var started = Stopwatch.GetTimestamp();
        var endpoint = new Uri(settings.EmbeddingsEndpoint.ToString().TrimEnd('/') + "/embeddings");
        while (Stopwatch.GetElapsedTime(started) < Limit)
        {
            var call = Stopwatch.GetTimestamp();
            using var response = await http.PostAsJsonAsync(endpoint, new { model = settings.EmbeddingModel, input = "Are you open on Sunday?" });
            if (response.IsSuccessStatusCode && Stopwatch.GetElapsedTime(call) < Prompt)
            {
                break;
            }

            await Task.Delay(250);
        }

        return Stopwatch.GetElapsedTime(started);
    }
}
