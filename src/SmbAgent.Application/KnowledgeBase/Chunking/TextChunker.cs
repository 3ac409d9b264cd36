using System.Text.RegularExpressions;
using Microsoft.ML.Tokenizers;

namespace SmbAgent.KnowledgeBase.Chunking;

/// <summary>
/// Splits content into overlapping passages of about <see cref="TargetTokens"/> cl100k tokens. Markdown headings
/// ("# …") start a new passage and become its citation title; paragraphs are kept whole when they fit; a long
/// paragraph is cut between words, never inside one. Consecutive passages of a section share about
/// <see cref="OverlapTokens"/> tokens so a fact on a boundary is found from either side.
/// </summary>
public sealed partial class TextChunker
{
    public const int TargetTokens = 200;
    public const int OverlapTokens = 30;

    private static readonly Lazy<Tokenizer> SharedTokenizer = new(() => TiktokenTokenizer.CreateForEncoding("cl100k_base"));

    private readonly int _target;
    private readonly int _overlap;

    public TextChunker(int targetTokens = TargetTokens, int overlapTokens = OverlapTokens)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(targetTokens, 10);
        ArgumentOutOfRangeException.ThrowIfNegative(overlapTokens);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(overlapTokens, targetTokens);
        _target = targetTokens;
        _overlap = overlapTokens;
    }

    public static int CountTokens(string text) => SharedTokenizer.Value.CountTokens(text);

    /// <summary>Text and Markdown: sections by heading, passages by paragraph.</summary>
    public IReadOnlyList<TextChunk> Chunk(string text, string defaultTitle)
    {
        var chunks = new List<TextChunk>();
        foreach (var (title, paragraphs) in Sections(text, defaultTitle))
        {
            ChunkSection(title, paragraphs, chunks);
        }

        return chunks;
    }

    /// <summary>One passage per question and answer (more only for a very long answer), titled by the question.</summary>
    public IReadOnlyList<TextChunk> ChunkFaq(IEnumerable<FaqPair> pairs)
    {
        var chunks = new List<TextChunk>();
        foreach (var pair in pairs)
        {
            var paragraphs = new List<string> { pair.Question };
            paragraphs.AddRange(Paragraphs(pair.Answer));
            ChunkSection(pair.Question, paragraphs, chunks);
        }

        return chunks;
    }

    private void ChunkSection(string title, IReadOnlyList<string> paragraphs, List<TextChunk> chunks)
    {
        var current = new List<string>();
        var currentTokens = 0;
        var hasNewText = false;

        foreach (var piece in paragraphs.SelectMany(SplitLongParagraph))
        {
            var tokens = CountTokens(piece);
            if (hasNewText && currentTokens + tokens > _target)
            {
                var emitted = Emit(title, current, chunks);
                var overlap = Tail(emitted, _overlap);
                current = overlap.Length > 0 ? [overlap] : [];
                currentTokens = overlap.Length > 0 ? CountTokens(overlap) : 0;
                hasNewText = false;
            }

            current.Add(piece);
            currentTokens += tokens;
            hasNewText = true;
        }

        if (hasNewText)
        {
            Emit(title, current, chunks);
        }
    }

    private static string Emit(string title, List<string> pieces, List<TextChunk> chunks)
    {
        var text = string.Join("\n\n", pieces);
        chunks.Add(new TextChunk(ShortTitle(title), text, CountTokens(text)));
        return text;
    }

    /// <summary>
    /// A paragraph over the target is cut at word boundaries into pieces that leave room for the overlap in front,
    /// so its passages stay near the target too (a single longer word stays whole).
    /// </summary>
    private IEnumerable<string> SplitLongParagraph(string paragraph)
    {
        if (CountTokens(paragraph) <= _target)
        {
            yield return paragraph;
            yield break;
        }

        var pieceTokens = _target - _overlap;
        var words = new List<string>();
        var tokens = 0;
        foreach (var word in Words(paragraph))
        {
            var wordTokens = CountTokens(" " + word);
            if (words.Count > 0 && tokens + wordTokens > pieceTokens)
            {
                yield return string.Join(' ', words);
                words.Clear();
                tokens = 0;
            }

            words.Add(word);
            tokens += wordTokens;
        }

        if (words.Count > 0)
        {
            yield return string.Join(' ', words);
        }
    }

    /// <summary>The last whole words of <paramref name="text"/> that fit in <paramref name="maxTokens"/>.</summary>
    private static string Tail(string text, int maxTokens)
    {
        if (maxTokens == 0)
        {
            return string.Empty;
        }

        var words = Words(text);
        var taken = new List<string>();
        var tokens = 0;
        for (var i = words.Length - 1; i >= 0; i--)
        {
            var wordTokens = CountTokens(" " + words[i]);
            if (tokens + wordTokens > maxTokens)
            {
                break;
            }

            taken.Add(words[i]);
            tokens += wordTokens;
        }

        taken.Reverse();
        return string.Join(' ', taken);
    }

    private static IEnumerable<(string Title, List<string> Paragraphs)> Sections(string text, string defaultTitle)
    {
        var title = defaultTitle;
        var lines = new List<string>();
        var hasHeading = false;
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var heading = HeadingPattern().Match(line);
            if (!heading.Success)
            {
                lines.Add(line);
                continue;
            }

            var paragraphs = Paragraphs(string.Join('\n', lines));
            if (paragraphs.Count > (hasHeading ? 1 : 0))
            {
                yield return (title, paragraphs);
            }

            title = heading.Groups["title"].Value.Trim();
            hasHeading = true;
            lines = [title, string.Empty];
        }

        var last = Paragraphs(string.Join('\n', lines));
        if (last.Count > (hasHeading ? 1 : 0))
        {
            yield return (title, last);
        }
    }

    private static List<string> Paragraphs(string text) =>
        BlankLinePattern().Split(text)
            .Select(p => p.Trim())
            .Where(p => p.Length > 0)
            .ToList();

    private static string[] Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private static string ShortTitle(string title)
    {
        var oneLine = string.Join(' ', Words(title));
        return oneLine.Length <= KnowledgeSourceConsts.MaxChunkTitleLength
            ? oneLine
            : oneLine[..(KnowledgeSourceConsts.MaxChunkTitleLength - 1)].TrimEnd() + "…";
    }

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+(?<title>.+?)\s*#*\s*$")]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex BlankLinePattern();
}
