namespace SmbAgent.KnowledgeBase.Ingestion;

public sealed record IngestKnowledgeSourceArgs(Guid SourceId);
