namespace SmbAgent.KnowledgeBase.Reembedding;

/// <param name="Force">Embed again even when the source's vectors are already of the current model (the ops verb's re-embed).</param>
public sealed record ReembedKnowledgeSourceArgs(Guid SourceId, bool Force = false);
