using System.Text.Json;
using SmbAgent.Conversations.LeadCapture;
using SmbAgent.KnowledgeBase.Search;

namespace SmbAgent.Conversations.Assistant;

/// <summary>
/// Maps the model's grounded answer to the passages it was given. The passage numbers are the citations, so an
/// answer is only accepted when it cites at least one passage and every number it cites was offered: an answer
/// that can't say where it comes from is not grounded.
/// </summary>
public static class GroundedAnswers
{
    /// <param name="output">The model's JSON: <c>answered</c>, <c>answer</c>, <c>passages</c> (numbered from 1).</param>
    /// <returns>Null when the output is invalid, so the caller falls back to the local answer.</returns>
    public static AssistantAnswer? Read(string output, IReadOnlyList<KnowledgePassage> passages, int maxLength)
    {
        try
        {
            using var document = JsonDocument.Parse(output);
            return Read(document.RootElement, passages, maxLength);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static AssistantAnswer? Read(JsonElement root, IReadOnlyList<KnowledgePassage> passages, int maxLength)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("answered", out var answered)
            || answered.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return null;
        }

        if (!answered.GetBoolean())
        {
            return AssistantAnswer.NotInPassages;
        }

        if (!root.TryGetProperty("answer", out var answer) || answer.ValueKind != JsonValueKind.String
            || !root.TryGetProperty("passages", out var cited) || cited.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var text = AnswerText.Clean(answer.GetString()!).Trim();
        if (text.Length == 0 || text.Length > maxLength)
        {
            return null;
        }

        var sources = new List<KnowledgePassage>();
        foreach (var number in cited.EnumerateArray())
        {
            if (number.ValueKind != JsonValueKind.Number || !number.TryGetInt32(out var n) || n < 1 || n > passages.Count)
            {
                return null;
            }

            if (!sources.Contains(passages[n - 1]))
            {
                sources.Add(passages[n - 1]);
            }
        }

        return sources.Count == 0 ? null : AssistantAnswer.Answered(text, sources);
    }
}
