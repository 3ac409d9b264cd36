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

    /// <summary>A page added without a title (so titled by its address) takes the page's own title.</summary>
    private async Task<string> FetchPageAsync(KnowledgeSource source, CancellationToken cancellationToken)
    {
        var address = source.Origin ?? throw new KnowledgeContentException("The source has no address.");
        var page = await fetcher.FetchAsync(address, cancellationToken);
        if (page.MediaType == "text/plain")
        {
            return page.Body;
        }

        var html = HtmlTextExtractor.Extract(page.Body);
        if (html.Title.Length > 0 && address.StartsWith(source.Title, StringComparison.Ordinal))
        {
            source.Title = html.Title.Length <= KnowledgeSourceConsts.MaxTitleLength ? html.Title : html.Title[..KnowledgeSourceConsts.MaxTitleLength];
        }

        return html.Text;
    }
}
