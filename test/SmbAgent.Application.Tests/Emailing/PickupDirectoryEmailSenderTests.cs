using Microsoft.Extensions.Options;
using MimeKit;
using SmbAgent.Emailing;

namespace SmbAgent.Application.Tests.Emailing;

/// <summary>
/// The pickup folder only ever lists whole mails: the development mail page (and a test) reading it while a mail is
/// written used to find an empty or half-written .eml ("End of stream").
/// </summary>
public sealed class PickupDirectoryEmailSenderTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"smbagent-pickup-{Guid.NewGuid():N}");

    [Fact]
    public async Task A_mail_is_listed_whole_or_not_at_all()
    {
        var sender = new PickupDirectoryEmailSender(Options.Create(new EmailOptions { FromAddress = "no-reply@smbagent.test", PickupDirectory = _directory }), TimeProvider.System);

        await Should.ThrowAsync<OperationCanceledException>(() =>
            sender.SendAsync(new EmailMessage("ana@example.com", "Interrupted", "Never whole"), new CancellationToken(canceled: true)));
        await sender.SendAsync(new EmailMessage("ana@example.com", "Whole", "Written to the end"));

        var listed = Directory.GetFiles(_directory, "*.eml").ShouldHaveSingleItem();
        (await MimeMessage.LoadAsync(listed)).Subject.ShouldBe("Whole");
        Directory.GetFiles(_directory).ShouldHaveSingleItem("nothing is left behind by the interrupted mail");
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
