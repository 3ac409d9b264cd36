using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.EntityFrameworkCore;
using SmbAgent.Tenancy;
using SmbAgent.TestKit;
using SmbAgent.Workspace;

namespace SmbAgent.Web.Tests.Workspace;

/// <summary>The business profile page: validated on the server, phones stored in E.164, the tenant renamed.</summary>
public sealed class ProfilePageTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private const string Path = "/Workspace/Profile";

    [Fact]
    public async Task Phones_are_normalised_to_E164_in_the_profiles_country_and_contacts_keep_their_order()
    {
        var (owner, browser) = await SignedInAsync();
        using var _ = browser;
        var form = await FormAsync(browser);
        form.Set("Input.Country", "GB")
            .Set("Input.Phone", "020 7946 0018")
            .Add("Input.Contacts[0].Kind", "Phone").Add("Input.Contacts[0].Value", "07400 123456").Add("Input.Contacts[0].Name", "Sam")
            .Add("Input.Contacts[1].Kind", "Email").Add("Input.Contacts[1].Value", "alerts@example.com")
            .Add("Input.Contacts[2].Kind", "Phone").Add("Input.Contacts[2].Value", "+1 (201) 555-0123");

        using var response = await form.PostAsync(browser);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var profile = await ProfileAsync(owner);
        profile.Phone.ShouldBe("+442079460018");
        profile.Contacts.ShouldBe(
        [
            new NotificationContact(ContactKind.Phone, "+447400123456", "Sam"),
            new NotificationContact(ContactKind.Email, "alerts@example.com", null),
            new NotificationContact(ContactKind.Phone, "+12015550123", null),
        ]);
    }

    [Fact]
    public async Task An_invalid_phone_is_refused_with_a_message_next_to_the_field_and_nothing_is_saved()
    {
        var (owner, browser) = await SignedInAsync();
        using var _ = browser;
        var form = (await FormAsync(browser))
            .Set("Input.Address", "1 Main St")
            .Add("Input.Contacts[0].Kind", "Phone").Add("Input.Contacts[0].Value", "12345");

        using var response = await form.PostAsync(browser);
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        MessageFor(html, "Input.Contacts[0].Value").ShouldBe("Enter a valid phone number.", string.Join(" | ", new HtmlParser().ParseDocument(html).QuerySelectorAll(".field-validation-error, .validation-summary-errors").Select(e => e.OuterHtml)));
        (await ProfileAsync(owner)).Address.ShouldBeNull();
    }

    [Theory]
    [InlineData("Input.TimeZone", "Mars/Olympus", "Choose a time zone such as America/Chicago.")]
    [InlineData("Input.Country", "XX", "Enter a two-letter country code such as US.")]
    [InlineData("Input.Website", "javascript:alert(1)", "Enter a full web address starting with http:// or https://.")]
    [InlineData("Input.Website", "example.com", "Enter a full web address starting with http:// or https://.")]
    [InlineData("Input.Phone", "not a phone", "Enter a valid phone number.")]
    [InlineData("Input.Name", "", "Enter the business name.")]
    public async Task Bad_values_get_a_message_next_to_their_field(string field, string value, string message)
    {
        var (_, browser) = await SignedInAsync();
        using var __ = browser;

        using var response = await (await FormAsync(browser)).Set(field, value).PostAsync(browser);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        MessageFor(await response.Content.ReadAsStringAsync(), field).ShouldBe(message);
    }

    [Fact]
    public async Task Closing_before_opening_and_a_bad_contact_email_are_refused()
    {
        var (_, browser) = await SignedInAsync();
        using var _ = browser;
        var form = (await FormAsync(browser))
            .Set("Input.Hours[1].IsOpen", "true")
            .Set("Input.Hours[1].Opens", "17:00")
            .Set("Input.Hours[1].Closes", "09:00")
            .Add("Input.Contacts[0].Kind", "Email").Add("Input.Contacts[0].Value", "not-an-email");

        using var response = await form.PostAsync(browser);
        var html = await response.Content.ReadAsStringAsync();

        MessageFor(html, "Input.Hours[1].Closes").ShouldBe("Closing time must be after opening time.");
        MessageFor(html, "Input.Contacts[0].Value").ShouldBe("Enter a valid email address.");
    }

    [Fact]
    public async Task Hours_and_holidays_are_saved()
    {
        var (owner, browser) = await SignedInAsync();
        using var _ = browser;
        var form = (await FormAsync(browser))
            .Set("Input.TimeZone", "America/Chicago")
            .Set("Input.Website", "https://plumber.example.com")
            .Set("Input.Hours[6].IsOpen", "true").Set("Input.Hours[6].Opens", "09:00").Set("Input.Hours[6].Closes", "13:30")
            .Add("Input.Holidays[0].Date", "2030-12-25").Add("Input.Holidays[0].Name", "Christmas Day");

        using var response = await form.PostAsync(browser);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var profile = await ProfileAsync(owner);
        profile.TimeZone.ShouldBe("America/Chicago");
        profile.Website.ShouldBe("https://plumber.example.com");
        profile.Hours.Single(h => h.Day == DayOfWeek.Saturday).ShouldBe(new BusinessHours(DayOfWeek.Saturday, true, new TimeOnly(9, 0), new TimeOnly(13, 30)));
        profile.Holidays.ShouldBe([new Holiday(new DateOnly(2030, 12, 25), "Christmas Day")]);
    }

    [Fact]
    public async Task Rows_are_added_moved_and_removed_without_javascript()
    {
        var (_, browser) = await SignedInAsync();
        using var _ = browser;
        var form = (await FormAsync(browser))
            .Add("Input.Contacts[0].Kind", "Email").Add("Input.Contacts[0].Value", "first@example.com")
            .Add("Input.Contacts[1].Kind", "Email").Add("Input.Contacts[1].Value", "second@example.com");

        using var moved = await form.PostAsync(browser, $"{Path}?handler=MoveContact&index=1&offset=-1");
        var afterMove = HtmlForm.Parse(await moved.Content.ReadAsStringAsync(), "#profile-form", Path);
        using var added = await afterMove.PostAsync(browser, $"{Path}?handler=AddHoliday");
        var afterAdd = HtmlForm.Parse(await added.Content.ReadAsStringAsync(), "#profile-form", Path);
        using var removed = await afterAdd.PostAsync(browser, $"{Path}?handler=RemoveContact&index=1");
        var afterRemove = HtmlForm.Parse(await removed.Content.ReadAsStringAsync(), "#profile-form", Path);

        afterMove.Values("Input.Contacts[0].Value").ShouldBe(["second@example.com"]);
        afterMove.Values("Input.Contacts[1].Value").ShouldBe(["first@example.com"]);
        afterAdd.Values("Input.Holidays[0].Name").ShouldBe([string.Empty]);
        afterRemove.Values("Input.Contacts[0].Value").ShouldBe(["second@example.com"]);
        afterRemove.Values("Input.Contacts[1].Value").ShouldBeEmpty();
    }

    [Fact]
    public async Task Renaming_the_business_renames_the_tenant_and_the_home_page_follows()
    {
        var (owner, browser) = await SignedInAsync();
        using var _ = browser;
        var newName = Names.Business("Renamed");

        using var response = await (await FormAsync(browser)).Set("Input.Name", newName).PostAsync(browser);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        (await browser.OpenAsync("/")).ShouldContain($"<h1>{Browser.Html(newName)}</h1>");
        var stored = await fixture.Factory.InTenantAsync(null, sp => sp.GetRequiredService<SmbAgentDbContext>().Tenants.SingleAsync(t => t.Id == owner.TenantId));
        stored.Name.ShouldBe(newName);
    }

    [Fact]
    public async Task Another_business_name_is_refused_whatever_its_case()
    {
        var other = await fixture.CreateTenantAsync();
        var (owner, browser) = await SignedInAsync();
        using var _ = browser;

        using var response = await (await FormAsync(browser)).Set("Input.Name", other.Name.ToUpperInvariant()).PostAsync(browser);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        MessageFor(await response.Content.ReadAsStringAsync(), "Input.Name").ShouldBe($"A business named '{other.Name.ToUpperInvariant()}' already exists.");
        var stored = await fixture.Factory.InTenantAsync(null, sp => sp.GetRequiredService<ITenantStore>().FindAsync(owner.TenantId));
        stored!.Name.ShouldBe(owner.Name);
    }

    [Fact]
    public async Task A_script_in_the_business_name_is_rendered_as_text()
    {
        var (_, browser) = await SignedInAsync();
        using var _ = browser;
        var name = $"<script>alert(1)</script> {Guid.NewGuid():N}";

        using var response = await (await FormAsync(browser)).Set("Input.Name", name).PostAsync(browser);
        var profile = await browser.OpenAsync(Path);
        var home = await browser.OpenAsync("/");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        home.ShouldContain($"<h1>{Browser.Html(name)}</h1>");
        profile.ShouldContain(Browser.Html(name));
        profile.ShouldNotContain("<script>alert(1)</script>");
        home.ShouldNotContain("<script>alert(1)</script>");
    }

    private async Task<(TenantOwner Owner, Browser Browser)> SignedInAsync()
    {
        var owner = await fixture.CreateTenantAsync();
        var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);
        return (owner, browser);
    }

    private static async Task<HtmlForm> FormAsync(Browser browser) =>
        HtmlForm.Parse(await browser.OpenAsync(Path), "#profile-form", Path);

    private Task<BusinessProfile> ProfileAsync(TenantOwner owner) =>
        fixture.Factory.InTenantAsync(owner.TenantId, sp => sp.GetRequiredService<SmbAgentDbContext>().BusinessProfiles.AsNoTracking().SingleAsync());

    internal static string? MessageFor(string html, string field) =>
        new HtmlParser().ParseDocument(html).QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim();
}
