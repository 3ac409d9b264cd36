using Microsoft.Extensions.Options;

namespace SmbAgent.Emailing;

/// <summary>Development without a relay: each mail becomes an .eml file in the pickup folder.</summary>
public sealed class PickupDirectoryEmailSender(IOptions<EmailOptions> options, TimeProvider clock) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        Directory.CreateDirectory(settings.PickupDirectory);
        var name = $"{clock.GetUtcNow():yyyyMMddHHmmssfff}-{Guid.NewGuid():N}";
        // Written under another name and renamed when whole: whoever lists the .eml files never reads half a mail.
        var writing = Path.Combine(settings.PickupDirectory, $"{name}.writing");
        try
        {
            await using (var file = File.Create(writing))
            {
                await MimeMessageFactory.Create(settings, message).WriteToAsync(file, cancellationToken);
            }

            File.Move(writing, Path.Combine(settings.PickupDirectory, $"{name}.eml"));
        }
        finally
        {
            File.Delete(writing);
        }
    }
}
