namespace SmbAgent.Bench.Voice;

/// <summary>Nearest-rank percentiles of latencies in milliseconds.</summary>
public sealed class Percentiles(IEnumerable<double> values)
{
    private readonly double[] _sorted = [.. values.Order()];

    public int Count => _sorted.Length;

    public double P50 => At(50);

    public double P99 => At(99);

    public double Max => _sorted.Length == 0 ? double.NaN : _sorted[^1];

    public override string ToString() => $"p50 {P50,7:F1} ms   p99 {P99,7:F1} ms   max {Max,7:F1} ms   (n={Count})";

    private double At(double percent) =>
        _sorted.Length == 0 ? double.NaN : _sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * _sorted.Length) - 1, 0, _sorted.Length - 1)];
}
