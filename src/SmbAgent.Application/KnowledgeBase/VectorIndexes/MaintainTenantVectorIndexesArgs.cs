namespace SmbAgent.KnowledgeBase.VectorIndexes;

/// <summary>Runs for the host (no tenant): it looks at every business's knowledge base.</summary>
public sealed record MaintainTenantVectorIndexesArgs;
