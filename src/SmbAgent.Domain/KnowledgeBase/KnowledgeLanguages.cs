namespace SmbAgent.KnowledgeBase;

/// <summary>The content languages the knowledge base indexes, each with its PostgreSQL text-search configuration.</summary>
public static class KnowledgeLanguages
{
    public const string Default = "en";

    /// <summary>
    /// Language code → text-search configuration. The chunk table's generated tsvector column lists the same
    /// configurations (a cast from text to regconfig is not immutable, so the column can't take the name directly).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> TextSearchConfigurations = new Dictionary<string, string>
    {
        ["en"] = "english",
        ["es"] = "spanish",
        ["fr"] = "french",
        ["de"] = "german",
        ["it"] = "italian",
        ["pt"] = "portuguese",
    };

    public static bool IsSupported(string? language) => language is not null && TextSearchConfigurations.ContainsKey(language);

    public static string TextSearchConfiguration(string language) =>
        TextSearchConfigurations.TryGetValue(language, out var configuration) ? configuration : "simple";
}
