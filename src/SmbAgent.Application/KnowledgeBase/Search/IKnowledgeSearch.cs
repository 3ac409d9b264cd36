namespace SmbAgent.KnowledgeBase.Search;

/// <summary>Finds the current tenant's passages that best answer a question: vector and full-text search fused.</summary>
public interface IKnowledgeSearch
{
    Task<KnowledgeSearchResult> SearchAsync(string question, int top = 5, CancellationToken cancellationToken = default);
}
