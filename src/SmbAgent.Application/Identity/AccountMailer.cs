using System.Text.Encodings.Web;
using SmbAgent.Emailing;

namespace SmbAgent.Identity;

/// <summary>The account emails. Every value in the HTML part is encoded: business names are user input.</summary>
public sealed class AccountMailer(IEmailSender sender)
{
    public Task SendEmailConfirmationAsync(string to, string? businessName, string link, CancellationToken cancellationToken = default) =>
        SendAsync(
            to,
            "Confirm your email address",
            $"Please confirm the email address of your SmbAgent account{For(businessName)}.",
            "Confirm my email",
            link,
            "If you did not create this account, ignore this email.",
            cancellationToken);

    public Task SendPasswordResetAsync(string to, string? businessName, string link, CancellationToken cancellationToken = default) =>
        SendAsync(
            to,
            "Reset your password",
            $"Someone asked to reset the password of your SmbAgent account{For(businessName)}.",
            "Choose a new password",
            link,
            "If it was not you, ignore this email: your password stays the same.",
            cancellationToken);

    private static string For(string? businessName) => string.IsNullOrWhiteSpace(businessName) ? string.Empty : $" at {businessName}";

    private Task SendAsync(string to, string subject, string intro, string action, string link, string outro, CancellationToken cancellationToken)
    {
        var text = $"{intro}\n\n{action}: {link}\n\n{outro}\n";
        var html = HtmlEncoder.Default;
        var body = $"<p>{html.Encode(intro)}</p><p><a href=\"{html.Encode(link)}\">{html.Encode(action)}</a></p><p>{html.Encode(outro)}</p>";
        return sender.SendAsync(new EmailMessage(to, subject, text, body), cancellationToken);
    }
}
