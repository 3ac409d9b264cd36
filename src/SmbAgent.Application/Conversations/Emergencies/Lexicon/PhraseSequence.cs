namespace SmbAgent.Conversations.Emergencies.Lexicon;

/// <summary>
/// Words that must follow each other; a <c>~</c> between two words allows up to <see cref="MaxGap"/> other
/// words in the same clause ("pipe* ~ burst" finds "the pipe under the sink burst").
/// </summary>
internal sealed class PhraseSequence
{
    public const int MaxGap = 3;

    /// <summary>Word slots; null is a gap.</summary>
    private readonly IReadOnlyList<WordPattern?> _elements;

    private PhraseSequence(IReadOnlyList<WordPattern?> elements) => _elements = elements;

    public static PhraseSequence? Parse(string text, bool plurals)
    {
        var elements = new List<WordPattern?>();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (word == "~")
            {
                if (elements.Count == 0 || elements[^1] is null)
                {
                    return null;
                }

                elements.Add(null);
                continue;
            }

            if (WordPattern.Parse(word, plurals) is not { } slots)
            {
                return null;
            }

            elements.AddRange(slots);
        }

        return elements.Count == 0 || elements[^1] is null ? null : new PhraseSequence(elements);
    }

    /// <summary>Every place the sequence occurs, the shortest match at each start.</summary>
    public IEnumerable<TokenSpan> FindAll(IReadOnlyList<TurnToken> tokens)
    {
        for (var start = 0; start < tokens.Count; start++)
        {
            if (MatchFrom(tokens, 0, start) is var end and >= 0)
            {
                yield return new TokenSpan(start, end);
            }
        }
    }

    private int MatchFrom(IReadOnlyList<TurnToken> tokens, int element, int index)
    {
        if (element == _elements.Count)
        {
            return index;
        }

        if (_elements[element] is { } word)
        {
            return index < tokens.Count && !tokens[index].IsBreak && word.Matches(tokens[index].Text)
                ? MatchFrom(tokens, element + 1, index + 1)
                : -1;
        }

        for (var skipped = 0; skipped <= MaxGap && index + skipped < tokens.Count; skipped++)
        {
            if (skipped > 0 && tokens[index + skipped - 1].IsBreak)
            {
                break;
            }

            if (MatchFrom(tokens, element + 1, index + skipped) is var end and >= 0)
            {
                return end;
            }
        }

        return -1;
    }
}
