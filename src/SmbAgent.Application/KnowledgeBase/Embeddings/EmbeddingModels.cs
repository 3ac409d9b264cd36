using Microsoft.Extensions.AI;

namespace SmbAgent.KnowledgeBase.Embeddings;

/// <summary>
/// The embedding models a question can be embedded with: the current one, and the ones still reachable from
/// before a provider change. While sources are re-embedded, search asks each model for its own vectors.
/// </summary>
public sealed class EmbeddingModels(
    EmbeddingModelInfo current,
    IEmbeddingGenerator<string, Embedding<float>> currentGenerator,
    IEnumerable<PreviousEmbeddingModel> previous)
{
    private readonly Dictionary<string, PreviousEmbeddingModel> _previous =
        previous.Where(p => p.Info.Model != current.Model).ToDictionary(p => p.Info.Model, StringComparer.Ordinal);

    public EmbeddingModelInfo Current => current;

    /// <summary>The generator for <paramref name="model"/>, or null when that model can no longer be reached.</summary>
    public (EmbeddingModelInfo Info, IEmbeddingGenerator<string, Embedding<float>> Generator)? Find(string model) =>
        model == current.Model ? (current, currentGenerator)
        : _previous.TryGetValue(model, out var found) ? (found.Info, found.Generator)
        : null;
}
