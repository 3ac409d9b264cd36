using System.Globalization;

namespace SmbAgent.Bench.Voice;

public sealed record BenchSettings(int Calls, int Warmup, int Alerts)
{
    public static BenchSettings Parse(string[] args)
    {
        var settings = new BenchSettings(200, 20, 30);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : throw new ArgumentException($"{args[i]} needs a number");
            settings = args[i] switch
            {
                "--calls" => settings with { Calls = value },
                "--warmup" => settings with { Warmup = value },
                "--alerts" => settings with { Alerts = value },
                _ => throw new ArgumentException($"Unknown option {args[i]}; use --calls N, --warmup N, --alerts M."),
            };
            i++;
        }

        return settings;
    }
}
