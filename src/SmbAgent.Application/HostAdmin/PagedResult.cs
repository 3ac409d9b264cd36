using Microsoft.EntityFrameworkCore;

namespace SmbAgent.HostAdmin;

/// <summary>One page of a server-side list. Pages are numbered from 1.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount, int Page, int PageSize)
{
    public int TotalPages => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
}

public static class Paging
{
    public const int PageSize = 20;

    /// <summary>Counts, then reads page <paramref name="page"/> (clamped to 1 or more) of an ordered query.</summary>
    public static async Task<PagedResult<T>> ToPageAsync<T>(this IQueryable<T> query, int page, CancellationToken cancellationToken)
    {
        page = Math.Max(1, page);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new PagedResult<T>(items, total, page, PageSize);
    }
}
