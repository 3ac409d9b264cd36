using SmbAgent.KnowledgeBase.Chunking;
using SmbAgent.KnowledgeBase.Extraction;

namespace SmbAgent.KnowledgeBase.Ingestion;

/// <summary>Turns a source into passages: typed text as is, FAQ by pairs, PDF and web pages extracted first.</summary>
public sealed class SourceTextExtractor(UrlPageFetcher fetcher)
{
    /// <summary>The text to index; for URL and PDF sources this is the freshly extracted text.</summary>
    public async Task<string> ExtractAsync(KnowledgeSource source, CancellationToken cancellationToken)
    {
        var text = source.Kind switch
        {
            KnowledgeSourceKind.Pdf => PdfTextExtractor.Extract(source.File ?? throw new KnowledgeContentException("The PDF file is missing; upload it again.")),
            KnowledgeSourceKind.Url => await FetchPageAsync(source, cancellationToken),
            _ => source.Content,
        };

        text = text.Trim();
        if (text.Length == 0)
        {
            throw new KnowledgeContentException(source.Kind == KnowledgeSourceKind.Pdf
                ? "The PDF has no text to read (scanned pages are images and are not supported)."
                : "There is no text to index.");
        }

        if (text.Length > KnowledgeSourceConsts.MaxContentLength)
        {
            throw new KnowledgeContentException($"The text is longer than {KnowledgeSourceConsts.MaxContentLength:N0} characters; split it into several sources.");
        }

        return text;
    }

    public static IReadOnlyList<TextChunk> Chunk(KnowledgeSource source, string text)
    {
        var chunker = new TextChunker();
        if (source.Kind != KnowledgeSourceKind.Faq)
        {
            return chunker.Chunk(text, source.Title);
        }

        var pairs = FaqFormat.Parse(text);
        return pairs.Count > 0
            ? chunker.ChunkFaq(pairs)
            : throw new KnowledgeContentException("No question and answer pairs were found: write each as \"Q: …\" then \"A: …\".");
    }

    private async Task<string> FetchPageAsync(KnowledgeSource source, CancellationToken cancellationToken)
    {
        var page = await fetcher.FetchAsync(source.Origin ?? throw new KnowledgeContentException("The source has no address."), cancellationToken);
        return page.MediaType == "text/plain" ? page.Body : HtmlTextExtractor.Extract(page.Body).Text;
    }
}
