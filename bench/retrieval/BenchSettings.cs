using System.Globalization;
using Npgsql;

namespace SmbAgent.Bench.Retrieval;

/// <summary>
/// The run's parameters: command-line flags over defaults that match the issue (100 tenants, one of 20,000
/// chunks, 100,000 in all). Connection strings come from the environment that scripts/services.sh writes.
/// </summary>
public sealed class BenchSettings
{
    private readonly string _ownerConnectionString = Environment("ConnectionStrings__SmbAgentOwner");
    private readonly string _appConnectionString = Environment("ConnectionStrings__SmbAgent");

    public int Seed { get; private set; } = 20261124;

    public int Tenants { get; private set; } = 100;

    public int TotalChunks { get; private set; } = 100_000;

    public int BigTenantChunks { get; private set; } = 20_000;

    /// <summary>Small tenant <c>i</c> (0-based) gets a share proportional to <c>exp(-i / SizeDecay)</c>: 3,595 down to 41 chunks with the defaults.</summary>
    public double SizeDecay { get; private set; } = 22;

    /// <summary>Length of the gaussian noise added to each mixed chunk vector (before renormalising).</summary>
    public double NoiseNorm { get; private set; } = 0.3;

    public int Queries { get; private set; } = 250;

    public int Warmup { get; private set; } = 30;

    public string Database { get; private set; } = "smbagent_bench";

    /// <summary>Rebuild the database even when it already holds this data set.</summary>
    public bool Fresh { get; private set; }

    /// <summary>Also time vector-query variants (settings, indexes) in a scratch copy of the database.</summary>
    public bool Experiments { get; private set; }

    public string RepositoryRoot { get; } = FindRepositoryRoot();

    public string CacheDirectory => Path.Combine(RepositoryRoot, "bench", "retrieval", ".cache");

    public string OwnerConnectionString => ForDatabase(_ownerConnectionString, Database);

    public string AppConnectionString => ForDatabase(_appConnectionString, Database);

    public string AdminConnectionString => ForDatabase(_ownerConnectionString, "postgres");

    public string RedisConnectionString { get; } = Environment("ConnectionStrings__Redis");

    public Uri EmbeddingsEndpoint { get; } = new(Environment("Embeddings__Endpoint"));

    public string EmbeddingModel { get; } = Environment("Embeddings__Model");

    public int EmbeddingDimensions { get; } = int.Parse(Environment("Embeddings__Dimensions"), CultureInfo.InvariantCulture);

    public static BenchSettings Parse(string[] args)
    {
        var settings = new BenchSettings();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--fresh":
                    settings.Fresh = true;
                    break;
                case "--experiments":
                    settings.Experiments = true;
                    break;
                case "--queries":
                    settings.Queries = int.Parse(Next(args, ref i), CultureInfo.InvariantCulture);
                    break;
                case "--warmup":
                    settings.Warmup = int.Parse(Next(args, ref i), CultureInfo.InvariantCulture);
                    break;
                case "--database":
                    settings.Database = Next(args, ref i);
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'. Use --fresh, --experiments, --queries N, --warmup N, --database NAME.");
            }
        }

        return settings;
    }

    private static string Next(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value.");

    private static string ForDatabase(string connectionString, string database) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ConnectionString;

    private static string Environment(string name) =>
        System.Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: run bench/retrieval/run.sh (it loads .local/services.env).");

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SmbAgent.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("SmbAgent.sln not found above the benchmark's binaries.");
    }
}
