using Microsoft.Extensions.Options;

namespace SmbAgent.Emailing;

/// <summary>Development without a relay: each mail becomes an .eml file in the pickup folder.</summary>
public sealed class PickupDirectoryEmailSender(IOptions<EmailOptions> options, TimeProvider clock) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        Directory.CreateDirectory(settings.PickupDirectory);
        var name = $"{clock.GetUtcNow():yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml";
        await using var file = File.Create(Path.Combine(settings.PickupDirectory, name));
        await MimeMessageFactory.Create(settings, message).WriteToAsync(file, cancellationToken);
    }
}
