namespace SmbAgent.Conversations.Emergencies.Lexicon;

/// <summary>
/// A lexicon phrase: one <see cref="PhraseSequence"/>, or several joined by <c> + </c> that must all occur in
/// the turn, in any order ("no heat* + freez*": no heating in freezing weather).
/// </summary>
internal sealed class PhrasePattern
{
    private PhrasePattern(string text, LeadPriority level, EmergencyMatchKind source, IReadOnlyList<PhraseSequence> parts)
    {
        Text = text;
        Level = level;
        Source = source;
        Parts = parts;
    }

    /// <summary>As written in the lexicon or by the owner: what the assessment reports.</summary>
    public string Text { get; }

    public LeadPriority Level { get; }

    public EmergencyMatchKind Source { get; }

    public IReadOnlyList<PhraseSequence> Parts { get; }

    /// <summary>A phrase below High marks its words as harmless ("fire safety", "smoke detector").</summary>
    public bool IsHarmless => Level < LeadPriority.High;

    public static PhrasePattern? Parse(string text, LeadPriority level, EmergencyMatchKind source)
    {
        var plurals = source == EmergencyMatchKind.OwnerWord;
        var parts = new List<PhraseSequence>();
        foreach (var part in text.Split(" + ", StringSplitOptions.TrimEntries))
        {
            if (PhraseSequence.Parse(part, plurals) is not { } sequence)
            {
                return null;
            }

            parts.Add(sequence);
        }

        return new PhrasePattern(text, level, source, parts);
    }
}
