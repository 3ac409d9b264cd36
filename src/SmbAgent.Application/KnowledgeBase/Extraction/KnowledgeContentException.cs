namespace SmbAgent.KnowledgeBase.Extraction;

/// <summary>
/// The content itself can't be indexed (not a PDF, a refused address, no readable text…). Retrying would
/// give the same answer, so the source is marked failed at once with this message for the owner.
/// </summary>
public sealed class KnowledgeContentException(string message, Exception? innerException = null) : Exception(message, innerException);
