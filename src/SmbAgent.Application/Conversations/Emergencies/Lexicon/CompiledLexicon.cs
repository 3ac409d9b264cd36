using System.Collections.Frozen;

namespace SmbAgent.Conversations.Emergencies.Lexicon;

/// <summary>
/// The phrases and cues used for one conversation language: its own plus English, since visitors often
/// write English on a site in another language. Compiled once; immutable.
/// </summary>
internal sealed class CompiledLexicon
{
    public CompiledLexicon(params IReadOnlyList<LexiconEntries> languages)
    {
        Patterns = [.. languages.SelectMany(l => Compile(l.Urgent, LeadPriority.Urgent)
            .Concat(Compile(l.High, LeadPriority.High))
            .Concat(Compile(l.Harmless, LeadPriority.Normal)))];
        Negations = languages.SelectMany(l => l.Negations).Select(Word).ToFrozenSet(StringComparer.Ordinal);
        NegationExceptions = [.. languages.SelectMany(l => l.NegationExceptions).Select(Sequence)];
        PastCues = [.. languages.SelectMany(l => l.PastCues).Select(Sequence)];
        ResolvedCues = [.. languages.SelectMany(l => l.ResolvedCues).Select(Sequence)];
        ClauseBreaks = languages.SelectMany(l => l.ClauseBreaks).Select(Word).ToFrozenSet(StringComparer.Ordinal);
    }

    public IReadOnlyList<PhrasePattern> Patterns { get; }

    public IReadOnlySet<string> Negations { get; }

    public IReadOnlyList<PhraseSequence> NegationExceptions { get; }

    public IReadOnlyList<PhraseSequence> PastCues { get; }

    public IReadOnlyList<PhraseSequence> ResolvedCues { get; }

    public IReadOnlySet<string> ClauseBreaks { get; }

    // The built-in data is part of the code: a malformed phrase is a bug, reported when the lexicon is built.
    private static IEnumerable<PhrasePattern> Compile(IEnumerable<string> phrases, LeadPriority level) =>
        phrases.Select(p => PhrasePattern.Parse(p, level, EmergencyMatchKind.Lexicon)
            ?? throw new InvalidOperationException($"Malformed emergency lexicon phrase '{p}'."));

    private static PhraseSequence Sequence(string phrase) =>
        PhraseSequence.Parse(phrase, plurals: false) ?? throw new InvalidOperationException($"Malformed emergency lexicon cue '{phrase}'.");

    private static string Word(string word) =>
        TurnText.Tokenize(word, FrozenSet<string>.Empty) is [var single] && !single.IsBreak
            ? single.Text
            : throw new InvalidOperationException($"Emergency lexicon word '{word}' must be one word of two letters or more.");
}
