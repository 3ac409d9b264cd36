using System.Globalization;
using Npgsql;

namespace SmbAgent.Bench.Chat;

/// <summary>
/// The run's parameters: command-line flags over defaults that match the issue (50 and 200 concurrent
/// conversations) and fit about five minutes on two cores. Connection strings come from the environment that
/// scripts/services.sh writes.
/// </summary>
public sealed class BenchSettings
{
    private readonly string _ownerConnectionString = Environment("ConnectionStrings__SmbAgentOwner");
    private readonly string _appConnectionString = Environment("ConnectionStrings__SmbAgent");

    public int Seed { get; private set; } = 20261125;

    /// <summary>Concurrent conversations of the closed-loop phases, ours and bare each.</summary>
    public IReadOnlyList<int> Levels { get; private set; } = [50, 200];

    /// <summary>Unmeasured turns before each phase's window: JIT, pools and caches warm, queues at their steady length.</summary>
    public TimeSpan Warmup { get; private set; } = TimeSpan.FromSeconds(5);

    /// <summary>The measured window of each phase.</summary>
    public TimeSpan Duration { get; private set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Turns one visitor sends before opening the next conversation. The chat allows 20 visitor messages per
    /// conversation per minute; a closed loop sends far faster than a person, so conversations are kept short.
    /// </summary>
    public int TurnsPerConversation { get; private set; } = 10;

    /// <summary>Conversations opened (each with <see cref="MemoryTurns"/> turns) for the memory measurement.</summary>
    public int MemoryConversations { get; private set; } = 1000;

    /// <summary>
    /// One by default: the server keeps nothing of a conversation between turns, and every turn costs the shared
    /// embedding service about 25 ms, so a second turn each would add half a minute and change nothing measured.
    /// </summary>
    public int MemoryTurns { get; private set; } = 1;

    /// <summary>Visitors at a typing pace for the paced phase: each reads the reply and types for a while before its next turn.</summary>
    public int PacedConversations { get; private set; } = 200;

    public TimeSpan ThinkTimeMin { get; private set; } = TimeSpan.FromSeconds(5);

    public TimeSpan ThinkTimeMax { get; private set; } = TimeSpan.FromSeconds(15);

    /// <summary>Turns of the sequential profile (one turn in flight), per kind of turn.</summary>
    public int ProfileTurns { get; private set; } = 60;

    public int Businesses { get; private set; } = 4;

    /// <summary>Also run the host with the proposed changes applied from outside (see Experiments/) and time them the same way.</summary>
    public bool Experiments { get; private set; }

    public string Database { get; private set; } = "smbagent_chatbench";

    public string OwnerConnectionString => ForDatabase(_ownerConnectionString, Database);

    public string AppConnectionString => ForDatabase(_appConnectionString, Database);

    public string AdminConnectionString => ForDatabase(_ownerConnectionString, "postgres");

    public string RedisConnectionString { get; } = Environment("ConnectionStrings__Redis");

    public Uri EmbeddingsEndpoint { get; } = new(Environment("Embeddings__Endpoint"));

    public string EmbeddingModel { get; } = Environment("Embeddings__Model");

    public int EmbeddingDimensions { get; } = int.Parse(Environment("Embeddings__Dimensions"), CultureInfo.InvariantCulture);

    /// <summary>A cache prefix of this run's own, so nothing cached by an earlier run (or another process) is read.</summary>
    public string CacheInstance { get; } = $"bench-chat-{Guid.NewGuid():N}:";

    public static BenchSettings Parse(string[] args)
    {
        var settings = new BenchSettings();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--duration":
                    settings.Duration = TimeSpan.FromSeconds(Number(Next(args, ref i)));
                    break;
                case "--warmup":
                    settings.Warmup = TimeSpan.FromSeconds(Number(Next(args, ref i)));
                    break;
                case "--levels":
                    settings.Levels = [.. Next(args, ref i).Split(',').Select(l => (int)Number(l))];
                    break;
                case "--memory-conversations":
                    settings.MemoryConversations = (int)Number(Next(args, ref i));
                    break;
                case "--memory-turns":
                    settings.MemoryTurns = (int)Number(Next(args, ref i));
                    break;
                case "--experiments":
                    settings.Experiments = true;
                    break;
                case "--paced-conversations":
                    settings.PacedConversations = (int)Number(Next(args, ref i));
                    break;
                case "--profile-turns":
                    settings.ProfileTurns = (int)Number(Next(args, ref i));
                    break;
                case "--database":
                    settings.Database = Next(args, ref i);
                    break;
                default:
                    throw new ArgumentException(
                        $"Unknown argument '{args[i]}'. Use --duration S, --warmup S, --levels 50,200, --memory-conversations M, --memory-turns T, "
                        + "--paced-conversations N, --profile-turns N, --database NAME, --experiments.");
            }
        }

        return settings;
    }

    private static double Number(string value) => double.Parse(value, CultureInfo.InvariantCulture);

    private static string Next(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value.");

    private static string ForDatabase(string connectionString, string database) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ConnectionString;

    private static string Environment(string name) =>
        System.Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: run bench/chat/run.sh (it loads .local/services.env).");
}
