using System.Text;

namespace SmbAgent.KnowledgeBase.Chunking;

/// <summary>
/// The stored form of a FAQ: blocks of "Q: …" then "A: …" lines; lines that follow continue the current
/// question or answer. Pairs entered as a list are stored in the same form so there is one parser.
/// </summary>
public static class FaqFormat
{
    public static IReadOnlyList<FaqPair> Parse(string text)
    {
        var pairs = new List<FaqPair>();
        StringBuilder? question = null;
        StringBuilder? answer = null;

        void Flush()
        {
            if (question is not null && answer is not null)
            {
                var q = question.ToString().Trim();
                var a = answer.ToString().Trim();
                if (q.Length > 0 && a.Length > 0)
                {
                    pairs.Add(new FaqPair(q, a));
                }
            }

            question = null;
            answer = null;
        }

        foreach (var rawLine in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = rawLine.Trim();
            if (StartsWithMarker(line, 'Q', out var rest))
            {
                Flush();
                question = new StringBuilder(rest);
            }
            else if (StartsWithMarker(line, 'A', out rest) && question is not null && answer is null)
            {
                answer = new StringBuilder(rest);
            }
            else if (answer is not null)
            {
                answer.Append('\n').Append(line);
            }
            else
            {
                question?.Append(' ').Append(line);
            }
        }

        Flush();
        return pairs;
    }

    public static string Format(IEnumerable<FaqPair> pairs) =>
        string.Join("\n\n", pairs.Select(p => $"Q: {p.Question.Trim()}\nA: {p.Answer.Trim()}"));

    private static bool StartsWithMarker(string line, char marker, out string rest)
    {
        if (line.Length >= 2 && char.ToUpperInvariant(line[0]) == marker && line[1] == ':')
        {
            rest = line[2..].Trim();
            return true;
        }

        rest = string.Empty;
        return false;
    }
}
