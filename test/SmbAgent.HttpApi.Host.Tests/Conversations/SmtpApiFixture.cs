using SmbAgent.TestKit.Stubs;

namespace SmbAgent.HttpApi.Tests.Conversations;

/// <summary>The API host with its job server, sending mail through the SMTP stub.</summary>
public sealed class SmtpApiFixture : IAsyncLifetime
{
    public SmtpStubServer Smtp { get; private set; } = null!;

    public ApiFixture Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Smtp = SmtpStubServer.Start();
        Api = new ApiFixture { Overrides = Smtp.ClientSettings() };
        await Api.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
