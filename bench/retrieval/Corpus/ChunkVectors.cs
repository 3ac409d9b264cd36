namespace SmbAgent.Bench.Retrieval.Corpus;

/// <summary>
/// A chunk's vector without embedding every chunk: the weighted sum of its passages' real embeddings,
/// renormalised, plus a little gaussian noise, renormalised again. The run checks the approximation against
/// the real model on a sample (<see cref="RealismCheck"/>).
/// </summary>
public sealed class ChunkVectors(IReadOnlyList<float[]> passageVectors, double noiseNorm, int seed)
{
    private readonly Random _random = new(seed);

    public float[] Next(ChunkPlan chunk) => Noisy(Mix(chunk));

    public float[] Mix(ChunkPlan chunk)
    {
        var dimensions = passageVectors[0].Length;
        var vector = new float[dimensions];
        for (var p = 0; p < chunk.Passages.Length; p++)
        {
            var source = passageVectors[chunk.Passages[p]];
            var weight = chunk.Weights[p];
            for (var d = 0; d < dimensions; d++)
            {
                vector[d] += weight * source[d];
            }
        }

        return Normalise(vector);
    }

    private float[] Noisy(float[] vector)
    {
        var sigma = noiseNorm / Math.Sqrt(vector.Length);
        var noisy = new float[vector.Length];
        for (var d = 0; d < vector.Length; d++)
        {
            noisy[d] = vector[d] + (float)(sigma * Gaussian());
        }

        return Normalise(noisy);
    }

    // Box–Muller.
    private double Gaussian()
    {
        var u = 1.0 - _random.NextDouble();
        var v = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }

    public static float[] Normalise(float[] vector)
    {
        var norm = (float)Math.Sqrt(Dot(vector, vector));
        for (var d = 0; d < vector.Length; d++)
        {
            vector[d] /= norm;
        }

        return vector;
    }

    public static double Dot(float[] a, float[] b)
    {
        var sum = 0.0;
        for (var d = 0; d < a.Length; d++)
        {
            sum += a[d] * b[d];
        }

        return sum;
    }
}
