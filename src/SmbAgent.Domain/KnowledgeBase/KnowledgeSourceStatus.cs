namespace SmbAgent.KnowledgeBase;

public enum KnowledgeSourceStatus
{
    Pending = 0,
    Indexing = 1,
    Indexed = 2,
    Failed = 3,
}
