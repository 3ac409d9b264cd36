namespace SmbAgent.KnowledgeBase;

public static class KnowledgeSourceConsts
{
    public const int MaxTitleLength = 200;
    public const int MaxOriginLength = 2048;
    public const int MaxLanguageLength = 8;
    public const int MaxFailureReasonLength = 1000;
    public const int MaxContentHashLength = 64;
    public const int MaxModelLength = 100;

    /// <summary>The most text one source may hold, whether typed by the owner or extracted from a page or PDF.</summary>
    public const int MaxContentLength = 200_000;

    public const int MaxPdfBytes = 10 * 1024 * 1024;

    public const int MaxChunkTitleLength = 200;
    public const int MaxTextSearchConfigLength = 32;
}
