using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using SmbAgent.Emailing;
using SmbAgent.TestKit.Stubs;

namespace SmbAgent.Application.Tests.Emailing;

/// <summary>The MailKit sender against a server that speaks SMTP: what arrives, and what a relay outage does to a send.</summary>
public sealed class SmtpEmailSenderTests : IAsyncLifetime
{
    private SmtpStubServer _smtp = null!;
    private SmtpEmailSender _sender = null!;

    public Task InitializeAsync()
    {
        _smtp = SmtpStubServer.Start();
        _sender = new SmtpEmailSender(Options.Create(new EmailOptions
        {
            FromAddress = "no-reply@smbagent.test",
            Smtp = new EmailOptions.SmtpOptions { Host = "127.0.0.1", Port = _smtp.Port, UseStartTls = false },
        }), new SmbAgent.Health.ProviderActivity(TimeProvider.System));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_message_arrives_whole_with_its_envelope_and_lines_starting_with_a_dot_intact()
    {
        var text = "Line one\n.hidden line\n..two dots\n.\nend";

        await _sender.SendAsync(new EmailMessage("ana@example.com", "Grüße", text, "<p>Hi</p>"));

        var message = _smtp.Messages.ShouldHaveSingleItem();
        message.From.ShouldBe("no-reply@smbagent.test");
        message.Recipients.ShouldBe(["ana@example.com"]);
        var mail = message.Parse();
        mail.Subject.ShouldBe("Grüße");
        mail.TextBody.ShouldNotBeNull().ReplaceLineEndings("\n").TrimEnd().ShouldBe(text);
        mail.HtmlBody.ShouldBe("<p>Hi</p>");
    }

    [Theory]
    [InlineData(421)]
    [InlineData(451)]
    public async Task A_transient_refusal_fails_the_send_and_keeps_nothing_and_the_next_send_goes_through(int code)
    {
        _smtp.FailNext(1, code);

        var refused = await Should.ThrowAsync<Exception>(_sender.SendAsync(new EmailMessage("ana@example.com", "First", "body")));
        await _sender.SendAsync(new EmailMessage("ana@example.com", "Second", "body"));

        refused.ShouldBeAssignableTo<SmtpCommandException>()!.StatusCode.ShouldBe((SmtpStatusCode)code);
        _smtp.Messages.ShouldHaveSingleItem().Parse().Subject.ShouldBe("Second");
    }

    public async Task DisposeAsync() => await _smtp.DisposeAsync();
}
