using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.AI;

namespace SmbAgent.Bench.Retrieval.Corpus;

/// <summary>
/// Real embeddings of texts, kept on disk (one file per model) so only the first run pays for the model.
/// Record: UTF-8 length (int32), UTF-8 text, then the vector as float32s.
/// </summary>
public sealed class EmbeddingCache
{
    private readonly string _path;
    private readonly int _dimensions;
    private readonly Dictionary<string, float[]> _vectors = new(StringComparer.Ordinal);

    private EmbeddingCache(string path, int dimensions)
    {
        _path = path;
        _dimensions = dimensions;
    }

    public static EmbeddingCache Open(string directory, string model, int dimensions)
    {
        Directory.CreateDirectory(directory);
        var cache = new EmbeddingCache(Path.Combine(directory, $"embeddings-{model}.bin"), dimensions);
        if (File.Exists(cache._path))
        {
            using var reader = new BinaryReader(File.OpenRead(cache._path), Encoding.UTF8);
            while (reader.BaseStream.Position < reader.BaseStream.Length)
            {
                var text = Encoding.UTF8.GetString(reader.ReadBytes(reader.ReadInt32()));
                var vector = new float[dimensions];
                for (var d = 0; d < dimensions; d++)
                {
                    vector[d] = reader.ReadSingle();
                }

                cache._vectors[text] = vector;
            }
        }

        return cache;
    }

    public float[] this[string text] => _vectors[text];

    /// <summary>Embeds (in the model's batches) whatever isn't cached yet, appending it to the file.</summary>
    public async Task EnsureAsync(IReadOnlyCollection<string> texts, IEmbeddingGenerator<string, Embedding<float>> generator, string what)
    {
        var missing = texts.Where(t => !_vectors.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        Console.WriteLine($"  embedding {missing.Count} {what} with the real model (cached for later runs)...");
        var started = Stopwatch.GetTimestamp();
        await using var stream = new FileStream(_path, FileMode.Append, FileAccess.Write);
        await using var writer = new BinaryWriter(stream, Encoding.UTF8);
        foreach (var batch in missing.Chunk(256))
        {
            var embeddings = await generator.GenerateAsync(batch);
            for (var i = 0; i < batch.Length; i++)
            {
                var vector = embeddings[i].Vector.ToArray();
                if (vector.Length != _dimensions)
                {
                    throw new InvalidOperationException($"The model returned {vector.Length} dimensions, expected {_dimensions}.");
                }

                var bytes = Encoding.UTF8.GetBytes(batch[i]);
                writer.Write(bytes.Length);
                writer.Write(bytes);
                foreach (var value in vector)
                {
                    writer.Write(value);
                }

                _vectors[batch[i]] = vector;
            }

            writer.Flush();
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        Console.WriteLine($"  ... {missing.Count} texts in {elapsed.TotalSeconds:F1} s ({elapsed.TotalMilliseconds / missing.Count:F1} ms each in batches)");
    }
}
