using System.Net.Mail;
using System.Text.RegularExpressions;

namespace SmbAgent.Conversations.LeadCapture;

/// <summary>Finds the email address in what the visitor wrote ("sure, it's Bob@Example.com.") and normalises it.</summary>
internal static partial class EmailAnswerReader
{
    private const int MaxLocalPartLength = 64;
    private const int MaxAddressLength = 254;
    private const int MaxLabelLength = 63;

    /// <summary>The first well-formed address in <paramref name="text"/>, domain lower-cased; null when there is none.</summary>
    public static string? Read(string text)
    {
        foreach (Match match in Candidate().Matches(text))
        {
            var normalized = Normalize(match.Value.TrimEnd('.', '!', '?'));
            if (normalized is not null)
            {
                return normalized;
            }
        }

        return null;
    }

    private static string? Normalize(string candidate)
    {
        var at = candidate.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != candidate.LastIndexOf('@') || candidate.Length > MaxAddressLength)
        {
            return null;
        }

        var local = candidate[..at];
        var domain = candidate[(at + 1)..].ToLowerInvariant();
        if (local.Length > MaxLocalPartLength || local.StartsWith('.') || local.EndsWith('.')
            || local.Contains("..", StringComparison.Ordinal) || !IsSaneDomain(domain))
        {
            return null;
        }

        var address = $"{local}@{domain}";
        // MailAddress is the parser the mail sender will use: what it can't take as a bare address is no use to the owner.
        return MailAddress.TryCreate(address, out var parsed) && parsed.Address == address && parsed.DisplayName.Length == 0
            ? address
            : null;
    }

    /// <summary>A host name with a dot and an alphabetic top-level label: "localhost", "1.2.3.4" and "[::1]" are not a visitor's mailbox.</summary>
    private static bool IsSaneDomain(string domain)
    {
        var labels = domain.Split('.');
        if (labels.Length < 2)
        {
            return false;
        }

        foreach (var label in labels)
        {
            if (label.Length is 0 or > MaxLabelLength || label.StartsWith('-') || label.EndsWith('-')
                || !label.All(c => char.IsLetterOrDigit(c) || c == '-'))
            {
                return false;
            }
        }

        var top = labels[^1];
        return top.Length >= 2 && (top.All(char.IsLetter) || top.StartsWith("xn--", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"[^\s<>()\[\]{},;:""'«»“”‘’]+@[^\s<>()\[\]{},;:""'«»“”‘’]+")]
    private static partial Regex Candidate();
}
