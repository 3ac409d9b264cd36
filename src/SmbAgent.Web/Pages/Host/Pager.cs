namespace SmbAgent.Web.Pages.Host;

/// <summary>Page links for a server-side list; <see cref="Url"/> builds the link to a page number.</summary>
public sealed record Pager(int Page, int TotalPages, int TotalCount, Func<int, string?> Url)
{
    /// <summary>A window of page numbers around the current one, so long lists keep a short bar.</summary>
    public IEnumerable<int> Window
    {
        get
        {
            var first = Math.Max(1, Page - 4);
            var last = Math.Min(TotalPages, first + 8);
            return Enumerable.Range(first, last - first + 1);
        }
    }
}
