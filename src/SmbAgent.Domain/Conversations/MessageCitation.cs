namespace SmbAgent.Conversations;

/// <param name="Link">The source's web address, when it is a web page.</param>
public sealed record MessageCitation(Guid SourceId, string SourceTitle, string Passage, Uri? Link);
