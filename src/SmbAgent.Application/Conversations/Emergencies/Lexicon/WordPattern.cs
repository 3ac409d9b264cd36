using System.Collections.Frozen;

namespace SmbAgent.Conversations.Emergencies.Lexicon;

/// <summary>
/// One word slot of a phrase: alternatives separated by <c>|</c>, each exact, or open at the end (<c>leak*</c>),
/// at the start (<c>*rohr</c>) or both (<c>*uberschwemm*</c>, for German compounds).
/// </summary>
internal sealed class WordPattern
{
    private readonly Alternative[] _alternatives;

    /// <summary>The exact alternatives, looked up at once: every word of a turn is tried against every slot.</summary>
    private readonly FrozenSet<string> _exact;

    private readonly Alternative[] _others;

    private WordPattern(Alternative[] alternatives)
    {
        _alternatives = alternatives;
        _exact = alternatives.Where(a => a.IsExact).Select(a => a.Core).ToFrozenSet(StringComparer.Ordinal);
        _others = [.. alternatives.Where(a => !a.IsExact)];
    }

    public bool Matches(string token)
    {
        if (_exact.Contains(token))
        {
            return true;
        }

        foreach (var alternative in _others)
        {
            if (alternative.Matches(token))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The slots <paramref name="word"/> stands for, or null when it is malformed. A single alternative that folds
    /// to several words ("chauffe-eau") becomes several slots; with <paramref name="plurals"/>, exact words also
    /// accept a plain plural ending (owner words, which nobody writes in every form).
    /// </summary>
    public static IReadOnlyList<WordPattern>? Parse(string word, bool plurals)
    {
        var parts = word.Split('|');
        if (parts.Length == 1)
        {
            return ParseSingle(parts[0], plurals);
        }

        var alternatives = new Alternative[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (ParseSingle(parts[i], plurals) is not [var single])
            {
                return null;
            }

            alternatives[i] = single._alternatives[0];
        }

        return [new WordPattern(alternatives)];
    }

    private static WordPattern[]? ParseSingle(string text, bool plurals)
    {
        var openStart = text.StartsWith('*');
        var openEnd = text.EndsWith('*') && text.Length > 1;
        var words = TurnText.Tokenize(text.Trim('*'), FrozenSet<string>.Empty);
        if (words.Count == 0 || words.Any(w => w.IsBreak))
        {
            return null;
        }

        var slots = new WordPattern[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            var start = openStart && i == 0;
            var end = openEnd && i == words.Count - 1;
            // A short stem left open would match far too many words ("no*").
            if ((start || end) && words[i].Text.Length < 3)
            {
                return null;
            }

            slots[i] = new WordPattern([new Alternative(words[i].Text, start, end, plurals && !start && !end)]);
        }

        return slots;
    }

    private readonly record struct Alternative(string Core, bool OpenStart, bool OpenEnd, bool Plurals)
    {
        public bool IsExact => !OpenStart && !OpenEnd && !Plurals;

        public bool Matches(string token) => (OpenStart, OpenEnd) switch
        {
            (true, true) => token.Contains(Core, StringComparison.Ordinal),
            (true, false) => token.EndsWith(Core, StringComparison.Ordinal),
            (false, true) => token.StartsWith(Core, StringComparison.Ordinal),
            _ => token == Core || (Plurals && IsPlural(token)),
        };

        private bool IsPlural(string token) =>
            token.Length - Core.Length is 1 or 2
            && token.StartsWith(Core, StringComparison.Ordinal)
            && token.AsSpan(Core.Length) is "s" or "es";
    }
}
