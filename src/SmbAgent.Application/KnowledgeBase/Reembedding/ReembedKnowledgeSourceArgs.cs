namespace SmbAgent.KnowledgeBase.Reembedding;

public sealed record ReembedKnowledgeSourceArgs(Guid SourceId);
