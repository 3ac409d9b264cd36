using System.Globalization;

namespace SmbAgent.Features;

/// <summary>How a feature's string value is shaped and validated (ABP's toggle / free text / selection).</summary>
public abstract record FeatureValueType
{
    public static FeatureValueType Toggle { get; } = new ToggleValueType();

    public static FeatureValueType Number(long min, long max) => new NumberValueType(min, max);

    public static FeatureValueType Selection(params string[] options) => new SelectionValueType(options);

    public abstract bool IsValid(string? value);
}

public sealed record ToggleValueType : FeatureValueType
{
    public override bool IsValid(string? value) => bool.TryParse(value, out _);
}

/// <summary>A count limit; by convention 0 means unlimited.</summary>
public sealed record NumberValueType(long Min, long Max) : FeatureValueType
{
    public override bool IsValid(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= Min && number <= Max;
}

public sealed record SelectionValueType(IReadOnlyList<string> Options) : FeatureValueType
{
    public override bool IsValid(string? value) => value is not null && Options.Contains(value, StringComparer.Ordinal);
}
