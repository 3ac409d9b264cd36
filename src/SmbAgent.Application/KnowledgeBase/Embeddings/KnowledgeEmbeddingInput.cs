namespace SmbAgent.KnowledgeBase.Embeddings;

/// <summary>What is embedded for a passage: the same for indexing and re-embedding, or the two would disagree.</summary>
public static class KnowledgeEmbeddingInput
{
    /// <summary>The passage with its title in front when the text doesn't already start with it, so headings inform the vector.</summary>
    public static string For(string title, string text) =>
        text.StartsWith(title, StringComparison.Ordinal) ? text : $"{title}\n\n{text}";
}
