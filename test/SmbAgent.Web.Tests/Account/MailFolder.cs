using System.Text.RegularExpressions;
using MimeKit;

namespace SmbAgent.Web.Tests.Account;

/// <summary>The pickup folder the app writes mails to (no SMTP in tests), read with MimeKit.</summary>
public sealed partial class MailFolder(string directory)
{
    public string Directory => directory;

    /// <summary>The mails to <paramref name="to"/> whose subject is <paramref name="subject"/>, oldest first.</summary>
    public async Task<IReadOnlyList<MimeMessage>> ReadAsync(string to, string subject)
    {
        var found = new List<MimeMessage>();
        foreach (var file in new DirectoryInfo(directory).EnumerateFiles("*.eml").OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            var message = await MimeMessage.LoadAsync(file.FullName);
            if (message.Subject == subject && message.To.Mailboxes.Any(m => string.Equals(m.Address, to, StringComparison.OrdinalIgnoreCase)))
            {
                found.Add(message);
            }
        }

        return found;
    }

    /// <summary>The one mail to <paramref name="to"/> with <paramref name="subject"/>, waiting briefly for it.</summary>
    public async Task<MimeMessage> SingleAsync(string to, string subject)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var mails = await ReadAsync(to, subject);
            if (mails.Count > 0 || DateTime.UtcNow > deadline)
            {
                mails.Count.ShouldBe(1, $"mails to {to} with subject '{subject}'");
                return mails[0];
            }

            await Task.Delay(100);
        }
    }

    /// <summary>The first link in a mail's text part.</summary>
    public static Uri LinkIn(MimeMessage message)
    {
        var match = Link().Match(message.TextBody ?? string.Empty);
        match.Success.ShouldBeTrue("the mail has no link: " + message.TextBody);
        return new Uri(match.Value);
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
