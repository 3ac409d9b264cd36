using CsCheck;

namespace SmbAgent.TestKit.Fuzzing;

/// <summary>
/// How much each fuzz target tries and from which seed. The test command runs a small fixed budget from a fixed seed,
/// so CI is reproducible; <c>bench/fuzz/run.sh</c> raises the budget and draws a seed (environment variables below).
/// </summary>
public static class FuzzBudget
{
    public const string InputsVariable = "SMBAGENT_FUZZ_INPUTS";
    public const string SeedVariable = "SMBAGENT_FUZZ_SEED";
    public const string ReportVariable = "SMBAGENT_FUZZ_REPORT";

    /// <summary>Inputs per target in the test command: about 2,000 requests in all, well under a minute on 2 cores.</summary>
    public const int DefaultInputs = 150;

    /// <summary>A request that takes longer than this counts as a hang.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    private const string DefaultSeed = "0N0XIzNsQ0O2";

    public static int Inputs { get; } =
        int.TryParse(Environment.GetEnvironmentVariable(InputsVariable), out var inputs) && inputs > 0 ? inputs : DefaultInputs;

    /// <summary>The fixed seed, or one drawn afresh when the variable says <c>random</c> (reported with any finding).</summary>
    public static string Seed { get; } = Environment.GetEnvironmentVariable(SeedVariable) switch
    {
        null or "" => DefaultSeed,
        "random" => Gen.Seed.Single(),
        var seed => seed,
    };

    /// <summary>A directory the long pass reads one report line per target from; none in the test command.</summary>
    public static string? ReportDirectory { get; } = Environment.GetEnvironmentVariable(ReportVariable) is { Length: > 0 } directory ? directory : null;
}
