namespace SmbAgent.Conversations.Emergencies.Lexicon;

/// <summary>
/// One language's lexicon, as data. Phrases use the syntax of <see cref="PhrasePattern"/>: words separated by
/// spaces, <c>a|b</c> alternatives, <c>*</c> for an open end, <c>~</c> for a short gap, <c> + </c> for words that
/// must all occur. Accents and case don't matter; one-letter words are ignored.
/// </summary>
internal sealed record LexiconEntries
{
    /// <summary>Danger now: the owner is called at once.</summary>
    public required IReadOnlyList<string> Urgent { get; init; }

    /// <summary>Something is broken or leaking: the lead is marked High.</summary>
    public required IReadOnlyList<string> High { get; init; }

    /// <summary>Phrases that contain emergency words but are not emergencies ("fire safety", "smoke detector").</summary>
    public required IReadOnlyList<string> Harmless { get; init; }

    /// <summary>Words that cancel a phrase starting shortly after them ("no", "sin", "kein").</summary>
    public required IReadOnlyList<string> Negations { get; init; }

    /// <summary>Phrases in which a negation word does not negate what follows ("can't stop the leak").</summary>
    public required IReadOnlyList<string> NegationExceptions { get; init; }

    /// <summary>Time phrases before or after an emergency word that put it in the past ("last year", "ago").</summary>
    public required IReadOnlyList<string> PastCues { get; init; }

    /// <summary>
    /// Phrases shortly after an emergency word that say it is over ("is fixed", "anymore"). After only: before
    /// the word they belong to something else ("the power is out now and there is smoke").
    /// </summary>
    public required IReadOnlyList<string> ResolvedCues { get; init; }

    /// <summary>Words that start a new clause, so a negation before them stops there ("but", "pero").</summary>
    public required IReadOnlyList<string> ClauseBreaks { get; init; }
}
