using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace SmbAgent.Leads;

/// <summary>The list's filters, search and order, shared by the page and the CSV export so both show the same leads.</summary>
internal static partial class LeadQueries
{
    private const string LikeEscape = "\\";

    public static IQueryable<Lead> Filter(this IQueryable<Lead> leads, LeadListInput input, TimeZoneInfo zone)
    {
        if (input.Status is { } status)
        {
            leads = leads.Where(l => l.Status == status);
        }

        if (input.Priority is { } priority)
        {
            leads = leads.Where(l => l.Priority == priority);
        }

        if (input.Channel is { } channel)
        {
            leads = leads.Where(l => l.Channel == channel);
        }

        if (input.CreatedFrom is { } from)
        {
            var start = BusinessTime.StartOfDay(from, zone);
            leads = leads.Where(l => l.CreationTime >= start);
        }

        if (input.CreatedTo is { } to)
        {
            var end = BusinessTime.StartOfDay(to.AddDays(1), zone);
            leads = leads.Where(l => l.CreationTime < end);
        }

        return leads.Search(input.Search);
    }

    public static IOrderedQueryable<Lead> Sorted(this IQueryable<Lead> leads, LeadSort sort, bool descending)
    {
        var ordered = (sort, descending) switch
        {
            (LeadSort.Priority, true) => leads.OrderByDescending(l => l.Priority).ThenByDescending(l => l.CreationTime),
            (LeadSort.Priority, false) => leads.OrderBy(l => l.Priority).ThenByDescending(l => l.CreationTime),
            (LeadSort.Status, true) => leads.OrderByDescending(l => l.Status).ThenByDescending(l => l.CreationTime),
            (LeadSort.Status, false) => leads.OrderBy(l => l.Status).ThenByDescending(l => l.CreationTime),
            (_, false) => leads.OrderBy(l => l.CreationTime),
            _ => leads.OrderByDescending(l => l.CreationTime),
        };

        // Leads created in the same instant still come in the same order on every page.
        return ordered.ThenBy(l => l.Id);
    }

    /// <summary>
    /// <paramref name="search"/> as an ILIKE pattern matching it anywhere, with its own %, _ and \ escaped so they
    /// match themselves; null when there is nothing to search for.
    /// </summary>
    public static string? ContainsPattern(string? search)
    {
        var term = Term(search);
        return term is null
            ? null
            : "%" + term.Replace(LikeEscape, LikeEscape + LikeEscape, StringComparison.Ordinal)
                .Replace("%", LikeEscape + "%", StringComparison.Ordinal)
                .Replace("_", LikeEscape + "_", StringComparison.Ordinal) + "%";
    }

    private static IQueryable<Lead> Search(this IQueryable<Lead> leads, string? search)
    {
        var pattern = ContainsPattern(search);
        if (pattern is null)
        {
            return leads;
        }

        // Phones are stored as E.164: "(555) 010-4477" is found by its digits.
        var digits = Term(search) is { } term && PhoneLike().IsMatch(term) ? new string([.. term.Where(char.IsAsciiDigit)]) : null;
        var phonePattern = digits is { Length: >= 3 } ? "%" + digits + "%" : pattern;
        return leads.Where(l =>
            EF.Functions.ILike(l.ContactName!, pattern, LikeEscape)
            || EF.Functions.ILike(l.Email!, pattern, LikeEscape)
            || EF.Functions.ILike(l.Phone!, pattern, LikeEscape)
            || EF.Functions.ILike(l.Phone!, phonePattern, LikeEscape)
            || EF.Functions.ILike(l.Notes!, pattern, LikeEscape));
    }

    private static string? Term(string? search)
    {
        var term = search?.Trim();
        return string.IsNullOrEmpty(term) ? null
            : term.Length <= LeadListInput.MaxSearchLength ? term
            : term[..LeadListInput.MaxSearchLength];
    }

    [GeneratedRegex(@"^[\d\s().+-]+$")]
    private static partial Regex PhoneLike();
}
