using SmbAgent.KnowledgeBase.Search;

namespace SmbAgent.Application.Tests.KnowledgeBase.Evaluation;

public enum QuestionKind
{
    /// <summary>Asked in its own business, which has the answer.</summary>
    OnTopic,

    /// <summary>Asked in its own business, which has no answer to it.</summary>
    OffTopic,

    /// <summary>An on-topic question of one business asked in the other one.</summary>
    CrossBusiness,
}

/// <summary>One question put to one tenant's knowledge search, and what came back.</summary>
/// <param name="Business">The business whose visitor asks.</param>
/// <param name="AskedIn">The business whose tenant is searched.</param>
/// <param name="Expected">The labelled passage, for on-topic and cross-business questions.</param>
/// <param name="OffTopicKind">"unrelated" or "nearby", for off-topic questions.</param>
public sealed record QuestionRun(
    string Business,
    string AskedIn,
    QuestionKind Kind,
    string Question,
    LabelledQuestion? Expected,
    string? OffTopicKind,
    KnowledgeSearchResult Result,
    bool HeldOut)
{
    /// <summary>1-based position of the expected passage among the returned ones; null when it is not among them.</summary>
    public int? Rank
    {
        get
        {
            if (Expected is null)
            {
                return null;
            }

            var index = Result.Passages.ToList().FindIndex(p => p.SourceTitle == Expected.Source && p.Citation == Expected.Citation);
            return index < 0 ? null : index + 1;
        }
    }

    public bool HitAt(int k) => Rank <= k;

    /// <summary>What the chat does with the local assistant: it answers from the first passage when the search found one.</summary>
    public bool AnsweredRight => Result.Found && Rank == 1;

    /// <summary>Whether the labelled passage is among the "did you mean…?" questions of a not-found result.</summary>
    public bool Suggested => Expected is not null && Result.Suggestions.Contains(Expected.Citation, StringComparer.Ordinal);

    /// <summary>The similarity <see cref="KnowledgeSearchResult.Found"/> is decided on: the best vector similarity returned.</summary>
    public double BestSimilarity => Result.Passages.Max(p => p.VectorSimilarity) ?? 0;

    public double? ExpectedSimilarity => Rank is { } rank ? Result.Passages[rank - 1].VectorSimilarity : null;

    /// <summary>Whether full-text search matched the expected passage (it has to contain every word of the question).</summary>
    public bool ExpectedMatchedText => Rank is { } rank && Result.Passages[rank - 1].TextRank is not null;

    public int TextMatches => Result.Passages.Count(p => p.TextRank is not null);

    public KnowledgePassage? TopPassage => Result.Passages.Count > 0 ? Result.Passages[0] : null;
}
