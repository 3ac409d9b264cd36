using SmbAgent.KnowledgeBase;

namespace SmbAgent.Application.Tests.KnowledgeBase.Evaluation;

/// <summary>A business ingested as a tenant of its own.</summary>
public sealed record IndexedBusiness(EvaluationBusiness Business, Guid TenantId, IReadOnlyList<KnowledgeSourceDetailsDto> Sources)
{
    public bool Owns(Guid sourceId) => Sources.Any(s => s.Source.Id == sourceId);

    public bool HasPassage(string sourceTitle, string citation) =>
        Sources.Any(s => s.Source.Title == sourceTitle && s.Chunks.Any(c => c.Title == citation));
}
