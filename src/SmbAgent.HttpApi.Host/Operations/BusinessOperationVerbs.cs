using SmbAgent.KnowledgeBase.Reembedding;
using SmbAgent.Operations;

namespace SmbAgent.HttpApi.Operations;

/// <summary>
/// The API host's verbs for one business: <c>reembed --business &lt;id|name&gt;</c> queues new vectors for all its
/// knowledge (the running job server does the work) and <c>export-business --business &lt;id|name&gt; --out &lt;file&gt;</c>
/// writes everything it owns as JSON.
/// </summary>
public static class BusinessOperationVerbs
{
    public const string Reembed = "reembed";

    public const string Export = "export-business";

    public const string Usage = """
                                usage: reembed --business <id|name>
                                       export-business --business <id|name> --out <file.json>
                                """;

    public static bool Handles(IReadOnlyList<string> args) => args.Count > 0 && args[0] is Reembed or Export;

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken = default)
    {
        var named = ValueOf(args, "--business");
        var file = ValueOf(args, "--out");
        if (named is null || (args[0] == Export && file is null))
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        if (await sp.GetRequiredService<BusinessLocator>().FindAsync(named, cancellationToken) is not { } business)
        {
            await output.WriteLineAsync($"No business with the id or name \"{named}\".");
            return 1;
        }

        if (args[0] == Reembed)
        {
            var queued = await sp.GetRequiredService<KnowledgeReembeddingScheduler>().ScheduleBusinessAsync(business.Id, cancellationToken);
            await output.WriteLineAsync($"{business.Name}: {queued} knowledge source(s) queued for re-embedding; the API host's job server embeds them.");
            return 0;
        }

        await using (var stream = File.Create(file!))
        {
            var summary = await sp.GetRequiredService<BusinessExporter>().ExportAsync(business, stream, cancellationToken);
            await output.WriteLineAsync($"{business.Name} exported to {file}: {string.Join(", ", summary.Counts.Select(c => $"{c.Value} {c.Key}"))}.");
        }

        return 0;
    }

    private static string? ValueOf(IReadOnlyList<string> args, string name)
    {
        for (var i = 1; i < args.Count - 1; i++)
        {
            if (args[i] == name)
            {
                return args[i + 1];
            }
        }

        return null;
    }
}
