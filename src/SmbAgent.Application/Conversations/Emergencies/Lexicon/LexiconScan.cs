namespace SmbAgent.Conversations.Emergencies.Lexicon;

/// <summary>
/// One turn matched against a lexicon and the owner's words. Decides in three steps: every occurrence of every
/// phrase; occurrences inside a longer one are dropped (so "fire safety" hides "fire", "gas leak" hides "leak");
/// an emergency occurrence is cancelled by a negation just before it, a time cue near it ("last year") or a
/// resolved cue just after it ("is fixed").
/// </summary>
internal sealed class LexiconScan
{
    private const int NegationWindow = 3;
    private const int CueWindow = 4;

    private readonly IReadOnlyList<TurnToken> _tokens;
    private readonly List<Occurrence> _occurrences = [];
    private readonly HashSet<int> _negations = [];
    private readonly List<TokenSpan> _pastCues = [];
    private readonly List<TokenSpan> _resolvedCues = [];

    public LexiconScan(IReadOnlyList<TurnToken> tokens, CompiledLexicon lexicon, IEnumerable<PhrasePattern> patterns)
    {
        _tokens = tokens;
        foreach (var pattern in patterns)
        {
            var found = pattern.Parts.Select(p => p.FindAll(tokens).ToList()).ToList();
            // Half of "no heat + freezing" is no occurrence: it must not hide the plain "no heat" it contains.
            if (found.Any(spans => spans.Count == 0))
            {
                continue;
            }

            for (var part = 0; part < found.Count; part++)
            {
                _occurrences.AddRange(found[part].Select(span => new Occurrence(pattern, part, span)));
            }
        }

        FindNegations(lexicon);
        _pastCues.AddRange(lexicon.PastCues.SelectMany(c => c.FindAll(tokens)).Where(c => !IsNegated(c)));
        _resolvedCues.AddRange(lexicon.ResolvedCues.SelectMany(c => c.FindAll(tokens)).Where(c => !IsNegated(c)));
    }

    public EmergencyAssessment Decide()
    {
        var live = _occurrences.Where(o => !IsHidden(o)).ToList();
        var emergencies = new List<(PhrasePattern Pattern, int Length, int Start)>();
        var cleared = new List<(PhrasePattern Pattern, int Start)>();
        foreach (var group in live.GroupBy(o => o.Pattern))
        {
            var pattern = group.Key;
            var parts = group.GroupBy(o => o.Part).ToList();
            if (parts.Count < pattern.Parts.Count)
            {
                continue;
            }

            var start = group.Min(o => o.Span.Start);
            if (pattern.IsHarmless)
            {
                cleared.Add((pattern, start));
                continue;
            }

            var standing = parts.Select(p => p.Where(o => !IsCancelled(o.Span)).ToList()).ToList();
            if (standing.All(p => p.Count > 0))
            {
                emergencies.Add((pattern, standing.Sum(p => p.Max(o => o.Span.Length)), standing.Min(p => p.Min(o => o.Span.Start))));
            }
            else
            {
                cleared.Add((pattern, start));
            }
        }

        if (emergencies.Count > 0)
        {
            var best = emergencies
                .OrderByDescending(e => e.Pattern.Level)
                .ThenByDescending(e => e.Pattern.Source == EmergencyMatchKind.OwnerWord)
                .ThenByDescending(e => e.Length)
                .ThenBy(e => e.Start)
                .First();
            return new EmergencyAssessment(best.Pattern.Level, best.Pattern.Source, best.Pattern.Text);
        }

        if (cleared.Count > 0)
        {
            var first = cleared.OrderByDescending(c => c.Pattern.Source == EmergencyMatchKind.OwnerWord).ThenBy(c => c.Start).First();
            return new EmergencyAssessment(LeadPriority.Normal, first.Pattern.Source, first.Pattern.Text);
        }

        return EmergencyAssessment.None;
    }

    /// <summary>
    /// Inside a longer occurrence of another phrase. The owner's words outrank the built-in lexicon: an owner
    /// phrase hides a built-in one over the same words, and is never hidden by one.
    /// </summary>
    private bool IsHidden(Occurrence occurrence) => _occurrences.Any(other =>
        other.Pattern != occurrence.Pattern
        && other.Span.Covers(occurrence.Span)
        && (other.Pattern.Source, occurrence.Pattern.Source) switch
        {
            (EmergencyMatchKind.OwnerWord, EmergencyMatchKind.Lexicon) => true,
            (EmergencyMatchKind.Lexicon, EmergencyMatchKind.OwnerWord) => false,
            _ => other.Span.Length > occurrence.Span.Length,
        });

    /// <summary>
    /// Negation words count unless they sit in an exception ("can't stop") or inside an emergency phrase that
    /// carries its own negation ("no hot water", "ne fonctionne plus").
    /// </summary>
    private void FindNegations(CompiledLexicon lexicon)
    {
        var exceptions = lexicon.NegationExceptions.SelectMany(e => e.FindAll(_tokens)).ToList();
        for (var i = 0; i < _tokens.Count; i++)
        {
            if (!_tokens[i].IsBreak
                && lexicon.Negations.Contains(_tokens[i].Text)
                && !exceptions.Any(e => e.Covers(i))
                && !_occurrences.Any(o => !o.Pattern.IsHarmless && o.Span.Covers(i)))
            {
                _negations.Add(i);
            }
        }
    }

    /// <summary>A negation word shortly before <paramref name="span"/>, in its clause.</summary>
    private bool IsNegated(TokenSpan span)
    {
        for (var i = WindowStart(span.Start, NegationWindow); i < span.Start; i++)
        {
            if (_negations.Contains(i))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Negated, or put in the past or resolved by a cue that is not itself negated ("non è stata riparata").</summary>
    private bool IsCancelled(TokenSpan span)
    {
        if (IsNegated(span))
        {
            return true;
        }

        var before = WindowStart(span.Start, CueWindow);
        var after = WindowEnd(span.End, CueWindow);
        return _pastCues.Any(cue => cue.End <= span.Start && cue.End > before)
            || _pastCues.Concat(_resolvedCues).Any(cue => cue.Start >= span.End && cue.Start < after);
    }

    /// <summary>The first index of up to <paramref name="words"/> words before <paramref name="index"/>, within its clause.</summary>
    private int WindowStart(int index, int words)
    {
        var start = index;
        while (start > 0 && index - start < words && !_tokens[start - 1].IsBreak)
        {
            start--;
        }

        return start;
    }

    /// <summary>The end of up to <paramref name="words"/> words from <paramref name="index"/>, within its clause.</summary>
    private int WindowEnd(int index, int words)
    {
        var end = index;
        while (end < _tokens.Count && end - index < words && !_tokens[end].IsBreak)
        {
            end++;
        }

        return end;
    }

    private readonly record struct Occurrence(PhrasePattern Pattern, int Part, TokenSpan Span);
}
