namespace SmbAgent.KnowledgeBase.Search;

/// <summary>Cormack et al.'s fusion: each list adds 1/(k + rank), so agreement between searches beats one high score.</summary>
public static class ReciprocalRankFusion
{
    public const int K = 60;

    public static IReadOnlyDictionary<Guid, double> Fuse(params IReadOnlyList<Guid>[] rankings)
    {
        var scores = new Dictionary<Guid, double>();
        foreach (var ranking in rankings)
        {
            for (var index = 0; index < ranking.Count; index++)
            {
                scores[ranking[index]] = scores.GetValueOrDefault(ranking[index]) + (1.0 / (K + index + 1));
            }
        }

        return scores;
    }
}
