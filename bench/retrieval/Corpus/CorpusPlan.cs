using SmbAgent.KnowledgeBase;

namespace SmbAgent.Bench.Retrieval.Corpus;

/// <summary>A short passage about one topic of one kind of business: the unit the real model embeds.</summary>
public sealed record Passage(int Kind, string Topic, string Text);

public sealed record TenantPlan(int Index, string Name, BusinessKind Kind, int KindIndex, int ChunkCount);

/// <summary>A chunk made of 2–4 passages of its tenant's kind; its vector mixes theirs (see <see cref="ChunkVectors"/>).</summary>
public sealed record ChunkPlan(string Title, string Text, int[] Passages, float[] Weights);

public sealed record SourcePlan(int Tenant, KnowledgeSourceKind Kind, string Title, string? Origin, IReadOnlyList<ChunkPlan> Chunks);
