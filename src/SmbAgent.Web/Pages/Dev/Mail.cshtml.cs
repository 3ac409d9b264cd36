using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using MimeKit;
using SmbAgent.Emailing;

namespace SmbAgent.Web.Pages.Dev;

/// <summary>
/// Development only: the mails the pickup-folder sender wrote (no SMTP configured). Anonymous, because
/// the reset mail is read before anyone can sign in; any other environment answers 404.
/// </summary>
[AllowAnonymous]
public sealed partial class MailModel(IOptions<EmailOptions> options, IWebHostEnvironment environment) : PageModel
{
    private const int MaxListed = 200;

    public IReadOnlyList<MailSummary> Mails { get; private set; } = [];

    public MailDetail? Selected { get; private set; }

    public string Folder => options.Value.PickupDirectory;

    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment() && !environment.IsEnvironment("Testing"))
        {
            return NotFound();
        }

        if (id is not null)
        {
            if (!FileName().IsMatch(id) || !System.IO.File.Exists(Path.Combine(Folder, id)))
            {
                return NotFound();
            }

            var message = await MimeMessage.LoadAsync(Path.Combine(Folder, id), cancellationToken);
            Selected = new MailDetail(Summarize(id, message), message.TextBody ?? string.Empty, message.HtmlBody, Links(message.TextBody));
            return Page();
        }

        var summaries = new List<MailSummary>();
        if (Directory.Exists(Folder))
        {
            foreach (var file in new DirectoryInfo(Folder).EnumerateFiles("*.eml").OrderByDescending(f => f.Name, StringComparer.Ordinal).Take(MaxListed))
            {
                summaries.Add(Summarize(file.Name, await MimeMessage.LoadAsync(file.FullName, cancellationToken)));
            }
        }

        Mails = [.. summaries.OrderByDescending(m => m.Date)];
        return Page();
    }

    private static MailSummary Summarize(string id, MimeMessage message) =>
        new(id, message.To.ToString(), message.Subject ?? string.Empty, message.Date);

    private static string[] Links(string? text) =>
        text is null ? [] : [.. HttpLink().Matches(text).Select(m => m.Value).Distinct(StringComparer.Ordinal)];

    [GeneratedRegex(@"^[A-Za-z0-9-]{1,100}\.eml$")]
    private static partial Regex FileName();

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex HttpLink();
}

public sealed record MailSummary(string Id, string To, string Subject, DateTimeOffset Date);

public sealed record MailDetail(MailSummary Summary, string Text, string? Html, IReadOnlyList<string> Links);
