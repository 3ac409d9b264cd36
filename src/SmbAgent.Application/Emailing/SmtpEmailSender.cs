using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using SmbAgent.Health;

namespace SmbAgent.Emailing;

public sealed class SmtpEmailSender(IOptions<EmailOptions> options, ProviderActivity activity) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        try
        {
            await SendOnceAsync(message, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            activity.RecordFailure(ProviderActivity.Smtp, e.GetType().Name);
            throw;
        }

        activity.RecordSuccess(ProviderActivity.Smtp);
    }

    private async Task SendOnceAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var client = new SmtpClient();
        await client.ConnectAsync(
            settings.Smtp.Host ?? throw new InvalidOperationException("Email:Smtp:Host is not configured."),
            settings.Smtp.Port,
            settings.Smtp.UseStartTls ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.None,
            cancellationToken);
        if (!string.IsNullOrEmpty(settings.Smtp.UserName))
        {
            await client.AuthenticateAsync(settings.Smtp.UserName, settings.Smtp.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(MimeMessageFactory.Create(settings, message), cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
