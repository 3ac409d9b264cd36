using System.Collections.Frozen;
using SmbAgent.Conversations.Emergencies.Lexicon.Languages;

namespace SmbAgent.Conversations.Emergencies.Lexicon;

/// <summary>
/// The deterministic half of emergency detection: a phrase lexicon in English, Spanish, French, German, Italian
/// and Portuguese plus the owner's own words. No I/O, so it always answers, and it explains itself by naming
/// the phrase. Built once (a singleton); safe to share between threads.
/// </summary>
public sealed class EmergencyLexicon
{
    private readonly FrozenDictionary<string, CompiledLexicon> _byLanguage;

    public EmergencyLexicon()
    {
        var languages = new Dictionary<string, LexiconEntries>
        {
            ["en"] = EnglishLexicon.Entries,
            ["es"] = SpanishLexicon.Entries,
            ["fr"] = FrenchLexicon.Entries,
            ["de"] = GermanLexicon.Entries,
            ["it"] = ItalianLexicon.Entries,
            ["pt"] = PortugueseLexicon.Entries,
        };
        _byLanguage = languages.ToFrozenDictionary(
            l => l.Key,
            l => l.Key == "en" ? new CompiledLexicon(l.Value) : new CompiledLexicon(l.Value, EnglishLexicon.Entries),
            StringComparer.Ordinal);
    }

    /// <summary>Whether <paramref name="phrase"/> is an owner word the lexicon can use (see <see cref="OwnerEmergencyWord"/>).</summary>
    public static bool IsUsable(string phrase) =>
        !string.IsNullOrWhiteSpace(phrase) && PhrasePattern.Parse(phrase.Trim(), LeadPriority.High, EmergencyMatchKind.OwnerWord) is not null;

    /// <summary>
    /// The level the phrases give <paramref name="text"/>: the highest phrase that is neither negated nor put in
    /// the past, else Normal (with the cleared phrase named when there was one). Owner words with a blank or
    /// unusable phrase are ignored, since they come from a settings form. A language other than en, es, fr, de, it
    /// and pt is matched with the English phrases only.
    /// </summary>
    public EmergencyAssessment Match(string text, string? language, IReadOnlyList<OwnerEmergencyWord> ownerWords)
    {
        ArgumentNullException.ThrowIfNull(ownerWords);
        if (string.IsNullOrWhiteSpace(text))
        {
            return EmergencyAssessment.None;
        }

        var lexicon = language is not null && _byLanguage.TryGetValue(language, out var own) ? own : _byLanguage["en"];
        var tokens = TurnText.Tokenize(text, lexicon.ClauseBreaks);
        var owned = ownerWords
            .Where(w => !string.IsNullOrWhiteSpace(w.Phrase))
            .Select(w => PhrasePattern.Parse(w.Phrase.Trim(), w.Level, EmergencyMatchKind.OwnerWord))
            .OfType<PhrasePattern>();
        return new LexiconScan(tokens, lexicon, lexicon.Patterns.Concat(owned)).Decide();
    }
}
