using Npgsql;

namespace SmbAgent.TestKit;

/// <summary>
/// The services the test command started (scripts/services.sh): read from the environment, or from
/// the checkout's <c>.local/services.env</c> when a test runs from an IDE.
/// </summary>
public static class TestEnvironment
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Values = new(Load);

    public static string AppConnectionString => Get("ConnectionStrings__SmbAgent");

    public static string OwnerConnectionString => Get("ConnectionStrings__SmbAgentOwner");

    public static string RedisConnectionString => Get("ConnectionStrings__Redis");

    /// <summary>The local embeddings service's OpenAI-style base address (ending in <c>/v1</c>).</summary>
    public static Uri EmbeddingsEndpoint => new(Get("Embeddings__Endpoint"));

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string ForDatabase(string connectionString, string database) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ConnectionString;

    private static string Get(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : Values.Value.TryGetValue(name, out var fromFile)
                ? fromFile
                : throw new InvalidOperationException($"{name} is not set: run scripts/services.sh up (the test command does).");

    private static Dictionary<string, string> Load()
    {
        var path = Path.Combine(RepositoryRoot, ".local", "services.env");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return values;
        }

        foreach (var line in File.ReadAllLines(path))
        {
            var text = line.Trim();
            if (!text.StartsWith("export ", StringComparison.Ordinal))
            {
                continue;
            }

            var separator = text.IndexOf('=', StringComparison.Ordinal);
            var name = text[7..separator].Trim();
            var value = text[(separator + 1)..].Trim();
            if (value.Length >= 2 && value[0] is '"' or '\'' && value[^1] == value[0])
            {
                value = value[1..^1];
            }

            values[name] = value;
        }

        return values;
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SmbAgent.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("SmbAgent.sln not found above the test binaries.");
    }
}
