using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.ApiKeys;
using SmbAgent.EntityFrameworkCore;
using SmbAgent.Features;
using SmbAgent.TestKit;

namespace SmbAgent.Web.Tests.Workspace;

/// <summary>The owner's API keys: the whole key shown once, a nameless key explained and not made, revoked keys refused, PRO only.</summary>
public sealed class ApiKeysPageTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private const string Path = "/Workspace/ApiKeys";

    [Fact]
    public async Task A_new_key_is_shown_once_then_listed_by_its_prefix_and_only_its_hash_is_kept()
    {
        var owner = await ProOwnerAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);

        using var created = await MakeAsync(browser, "CRM sync", "ReadWrite");
        var createdHtml = await created.Content.ReadAsStringAsync();
        var key = new HtmlParser().ParseDocument(createdHtml).QuerySelector("#new-key-value")?.GetAttribute("value");
        var later = await browser.OpenAsync(Path);
        var row = new HtmlParser().ParseDocument(later).QuerySelector("#api-keys .api-key");

        created.StatusCode.ShouldBe(HttpStatusCode.OK, createdHtml);
        created.Headers.CacheControl!.NoStore.ShouldBeTrue();
        key.ShouldNotBeNull().ShouldStartWith(ApiKeySecrets.Marker);
        later.ShouldNotContain(key);
        row.ShouldNotBeNull();
        row.QuerySelector(".api-key-name")!.TextContent.ShouldBe("CRM sync");
        row.QuerySelector(".api-key-prefix")!.TextContent.ShouldBe(key[..ApiKeySecrets.PrefixLength] + "…");
        row.QuerySelector(".api-key-scope")!.TextContent.ShouldBe("Read and write");
        row.QuerySelector(".api-key-last-used")!.TextContent.ShouldBe("Never");
        var stored = (await KeysAsync(owner)).ShouldHaveSingleItem();
        stored.SecretHash.ShouldBe(ApiKeySecrets.Hash(key));
        stored.Scope.ShouldBe(ApiKeyScope.ReadWrite);
        (await AuthenticateAsync(key)).ShouldNotBeNull().TenantId.ShouldBe(owner.TenantId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_key_without_a_name_is_explained_next_to_the_field_and_not_made(string name)
    {
        var owner = await ProOwnerAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);

        using var response = await MakeAsync(browser, name, "Read");
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ProfilePageTests.MessageFor(html, "Input.Name").ShouldBe("Give the key a name, such as the tool that will use it.");
        new HtmlParser().ParseDocument(html).QuerySelector("#new-key").ShouldBeNull();
        (await KeysAsync(owner)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_revoked_key_is_marked_and_no_longer_authenticates_but_another_businesss_key_is_not_found()
    {
        var other = await ProOwnerAsync();
        using (var otherBrowser = fixture.CreateBrowser())
        {
            await otherBrowser.SignInAsync(other);
            using var made = await MakeAsync(otherBrowser, "Theirs", "Read");
        }

        var owner = await ProOwnerAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);
        using var created = await MakeAsync(browser, "Zapier", "Read");
        var key = new HtmlParser().ParseDocument(await created.Content.ReadAsStringAsync()).QuerySelector("#new-key-value")!.GetAttribute("value")!;
        var ownId = (await KeysAsync(owner)).Single().Id;
        var otherId = (await KeysAsync(other)).Single().Id;
        var form = HtmlForm.Parse(await browser.OpenAsync(Path), "#api-key-form", Path);

        using var foreign = await form.PostAsync(browser, $"{Path}?handler=Revoke&id={otherId}");
        using var revoked = await form.PostAsync(browser, $"{Path}?handler=Revoke&id={ownId}");
        var page = new HtmlParser().ParseDocument(await browser.OpenAsync(Path));

        foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        revoked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.QuerySelector("#api-keys .api-key .api-key-revoked").ShouldNotBeNull();
        (await KeysAsync(owner)).Single().RevokedTime.ShouldNotBeNull();
        (await KeysAsync(other)).Single().RevokedTime.ShouldBeNull();
        (await AuthenticateAsync(key)).ShouldBeNull();
    }

    [Fact]
    public async Task Below_pro_the_page_shows_the_upgrade_prompt_and_makes_no_key()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);

        var html = await browser.OpenAsync(Path);

        new HtmlParser().ParseDocument(html).QuerySelector("#api-key-form").ShouldBeNull();
        html.ShouldContain("Connect your own tools with the REST API");
        (await KeysAsync(owner)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Staff_cannot_open_the_keys()
    {
        var owner = await ProOwnerAsync();
        var staff = await fixture.Factory.CreateStaffAsync(owner);
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(staff);

        using var response = await browser.GetAsync(Path);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private Task<TenantOwner> ProOwnerAsync() => TestTenants.CreateAsync(fixture.Factory.Services, edition: EditionMatrix.Pro);

    private static async Task<HttpResponseMessage> MakeAsync(Browser browser, string name, string scope) =>
        await HtmlForm.Parse(await browser.OpenAsync(Path), "#api-key-form", Path)
            .Set("Input.Name", name)
            .Set("Input.Scope", scope)
            .PostAsync(browser);

    private Task<List<ApiKey>> KeysAsync(TenantOwner owner) =>
        fixture.Factory.InTenantAsync(owner.TenantId, sp => sp.GetRequiredService<SmbAgentDbContext>().ApiKeys.AsNoTracking().ToListAsync());

    private async Task<ApiKeyIdentity?> AuthenticateAsync(string key)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ApiKeyAuthenticator>().AuthenticateAsync(key);
    }
}
