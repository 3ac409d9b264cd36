namespace SmbAgent.Bench.Retrieval.Corpus;

/// <summary>
/// Something a business's content talks about. A passage is one opener and one detail; a question is asked the
/// way a customer would, in other words than the passage. Per-service topics are written once per service.
/// </summary>
public sealed record Topic(string Title, bool PerService, string[] Openers, string[] Details, string[] Questions);
