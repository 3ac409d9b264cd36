namespace SmbAgent.KnowledgeBase;

public sealed record KnowledgeSourceDto(
    Guid Id,
    KnowledgeSourceKind Kind,
    string Title,
    string? Origin,
    string Language,
    KnowledgeSourceStatus Status,
    string? FailureReason,
    int ChunkCount,
    DateTimeOffset CreationTime,
    DateTimeOffset? LastModificationTime,
    DateTimeOffset? IndexedTime);

public sealed record KnowledgeChunkDto(Guid Id, int Position, string Title, string Text, int TokenCount);

public sealed record KnowledgeSourceDetailsDto(KnowledgeSourceDto Source, string Content, IReadOnlyList<KnowledgeChunkDto> Chunks);

/// <summary>Plain text or Markdown typed by the owner.</summary>
public sealed class CreateTextSourceDto
{
    public string Title { get; set; } = string.Empty;

    public string Text { get; set; } = string.Empty;

    public string Language { get; set; } = KnowledgeLanguages.Default;

    public bool IsMarkdown { get; set; }
}

public sealed class FaqPairDto
{
    public string Question { get; set; } = string.Empty;

    public string Answer { get; set; } = string.Empty;
}

/// <summary>Questions and answers, either as "Q: …" / "A: …" text or as a list of pairs.</summary>
public sealed class CreateFaqSourceDto
{
    public string Title { get; set; } = string.Empty;

    public string Language { get; set; } = KnowledgeLanguages.Default;

    public string? Text { get; set; }

    public List<FaqPairDto>? Pairs { get; set; }
}

public sealed class CreateUrlSourceDto
{
    /// <summary>Optional: the address is shown when empty.</summary>
    public string? Title { get; set; }

    public string Url { get; set; } = string.Empty;

    public string Language { get; set; } = KnowledgeLanguages.Default;
}

public sealed class CreatePdfSourceDto
{
    /// <summary>Optional: the file name is shown when empty.</summary>
    public string? Title { get; set; }

    public string FileName { get; set; } = string.Empty;

    public byte[] Content { get; set; } = [];

    public string Language { get; set; } = KnowledgeLanguages.Default;
}

/// <summary>New text for a text, Markdown or FAQ source (FAQ text in the "Q: …" / "A: …" form).</summary>
public sealed class UpdateTextSourceDto
{
    public string Title { get; set; } = string.Empty;

    public string Text { get; set; } = string.Empty;

    public string Language { get; set; } = KnowledgeLanguages.Default;
}
