using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Data;
using SmbAgent.HttpApi.Operations;
using SmbAgent.HttpApi.Tests.Conversations;
using SmbAgent.Tenancy;

namespace SmbAgent.HttpApi.Tests.Operations;

/// <summary>The API host's <c>reembed</c> and <c>export-business</c> verbs, run as the executable runs them.</summary>
public sealed class BusinessOperationVerbsTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Export_writes_everything_the_business_owns_and_nothing_of_another_or_any_secret()
    {
        var business = await ChatBusinesses.CreateAsync(fixture);
        var other = await ChatBusinesses.CreateAsync(fixture);
        await CaptureLeadAsync(business, "sam.export@example.com");
        await CaptureLeadAsync(other, "someone.else@example.com");
        var name = await NameAsync(business);
        var file = Path.Combine(Path.GetTempPath(), $"export-{Guid.NewGuid():N}.json");
        var output = new StringWriter();

        var exit = await BusinessOperationVerbs.RunAsync(fixture.Factory.Services, ["export-business", "--business", name, "--out", file], output);

        exit.ShouldBe(0, output.ToString());
        var text = await File.ReadAllTextAsync(file);
        File.Delete(file);
        using var export = JsonDocument.Parse(text);
        var root = export.RootElement;
        root.GetProperty("business").GetProperty("name").GetString().ShouldBe(name);
        root.GetProperty("leads").GetArrayLength().ShouldBe(1);
        text.ShouldContain("sam.export@example.com");
        text.ShouldNotContain("someone.else@example.com");
        root.GetProperty("knowledgeSources").EnumerateArray().Select(s => s.GetProperty("title").GetString()).ShouldBe(["Plumbing FAQ"]);
        root.GetProperty("messages").GetArrayLength().ShouldBeGreaterThanOrEqualTo(12, "the welcome, six visitor messages and the agent's replies");
        root.GetProperty("conversations").GetArrayLength().ShouldBe(1);
        text.ShouldNotContain("protectedAuthToken", Case.Insensitive);
        text.ShouldNotContain("passwordHash", Case.Insensitive);
        output.ToString().ShouldContain("1 leads");
    }

    [Fact]
    public async Task Reembed_queues_every_indexed_source_of_the_business_by_its_id()
    {
        var business = await ChatBusinesses.CreateAsync(fixture);
        var output = new StringWriter();

        var exit = await BusinessOperationVerbs.RunAsync(fixture.Factory.Services, ["reembed", "--business", business.TenantId.ToString()], output);

        exit.ShouldBe(0, output.ToString());
        output.ToString().ShouldContain("1 knowledge source(s) queued");
    }

    [Theory]
    [InlineData("reembed", "--business", "No Such Business Anywhere")]
    [InlineData("export-business", "--business", "No Such Business Anywhere", "--out", "/tmp/never-written.json")]
    public async Task An_unknown_business_is_said_and_nothing_is_done(params string[] args)
    {
        var output = new StringWriter();

        var exit = await BusinessOperationVerbs.RunAsync(fixture.Factory.Services, args, output);

        exit.ShouldBe(1);
        output.ToString().ShouldContain("No business with the id or name");
        File.Exists("/tmp/never-written.json").ShouldBeFalse();
    }

    [Fact]
    public async Task Export_without_a_file_prints_the_usage()
    {
        var output = new StringWriter();

        (await BusinessOperationVerbs.RunAsync(fixture.Factory.Services, ["export-business", "--business", "x"], output)).ShouldBe(2);
        output.ToString().ShouldContain("usage:");
    }

    private async Task CaptureLeadAsync(ChatBusiness business, string email)
    {
        var chat = new ChatClient(fixture.Factory.CreateClient(), business.WidgetKey);
        await chat.StartAsync();
        await chat.SayAsync("I'd like a quote please");
        await chat.SayAsync("Sam Carter");
        await chat.SayAsync("415 555 0111");
        await chat.SayAsync(email);
        (await chat.SayAsync("A new boiler")).ShouldContain("Thank you");
    }

    private async Task<string> NameAsync(ChatBusiness business)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ISmbAgentDbContext>();
        using var host = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(null);
        return await db.Tenants.Where(t => t.Id == business.TenantId).Select(t => t.Name).SingleAsync();
    }
}
