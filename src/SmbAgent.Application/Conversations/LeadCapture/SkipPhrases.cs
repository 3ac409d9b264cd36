namespace SmbAgent.Conversations.LeadCapture;

internal enum SkipKind
{
    None,
    Soft,
    Explicit,
}

/// <summary>Tells an answer that declines the question ("skip", "no thanks", "je préfère ne pas") from one that answers it.</summary>
internal static class SkipPhrases
{
    private const int LongestCourtesyWords = 3;

    /// <summary>Only the whole answer counts, so "no, it's bob@example.com" is an email, not a refusal.</summary>
    public static SkipKind Classify(string answer)
    {
        var words = AnswerText.Words(answer).ToList();
        StripCourtesies(words);
        if (words.Count == 0)
        {
            return SkipKind.None;
        }

        var rest = string.Join(' ', words);
        if (LeadAnswerVocabulary.ExplicitSkips.Contains(rest))
        {
            return SkipKind.Explicit;
        }

        if (LeadAnswerVocabulary.SoftSkips.Contains(rest))
        {
            return SkipKind.Soft;
        }

        // "No, skip it" / "Non, je passe": a leading "no" in front of an explicit skip.
        return words.Count > 1
            && LeadAnswerVocabulary.SoftSkips.Contains(words[0])
            && LeadAnswerVocabulary.ExplicitSkips.Contains(string.Join(' ', words.Skip(1)))
            ? SkipKind.Explicit
            : SkipKind.None;
    }

    private static void StripCourtesies(List<string> words)
    {
        var stripped = true;
        while (stripped && words.Count > 0)
        {
            stripped = false;
            for (var n = Math.Min(LongestCourtesyWords, words.Count); n >= 1 && !stripped; n--)
            {
                if (LeadAnswerVocabulary.Courtesies.Contains(string.Join(' ', words.Skip(words.Count - n))))
                {
                    words.RemoveRange(words.Count - n, n);
                    stripped = true;
                }
                else if (LeadAnswerVocabulary.Courtesies.Contains(string.Join(' ', words.Take(n))))
                {
                    words.RemoveRange(0, n);
                    stripped = true;
                }
            }
        }
    }
}
