namespace SmbAgent.KnowledgeBase.Chunking;

public sealed record FaqPair(string Question, string Answer);
