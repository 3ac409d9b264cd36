using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.EntityFrameworkCore;
using SmbAgent.TestKit;

namespace SmbAgent.Web.Tests.Workspace;

/// <summary>The visitor confirmation switch: off for a new business, turned on and off by the owner.</summary>
public sealed class NotificationsPageTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private const string Path = "/Workspace/Notifications";

    [Fact]
    public async Task The_owner_turns_the_visitor_confirmation_on_and_off_again()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);
        var initially = await browser.OpenAsync(Path);

        using var on = await HtmlForm.Parse(initially, "#notifications-form", Path).Set("SendVisitorConfirmation", "true").PostAsync(browser);
        var afterOn = await browser.OpenAsync(Path);
        var savedOn = await SwitchAsync(owner);
        using var off = await HtmlForm.Parse(afterOn, "#notifications-form", Path).Set("SendVisitorConfirmation", "false").PostAsync(browser);

        IsChecked(initially).ShouldBeFalse();
        on.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        savedOn.ShouldBeTrue();
        IsChecked(afterOn).ShouldBeTrue();
        off.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await SwitchAsync(owner)).ShouldBeFalse();
    }

    [Fact]
    public async Task Staff_cannot_open_the_notification_settings()
    {
        var owner = await fixture.CreateTenantAsync();
        var staff = await fixture.Factory.CreateStaffAsync(owner);
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(staff);

        using var response = await browser.GetAsync(Path);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static bool IsChecked(string html) =>
        ((IHtmlInputElement)new HtmlParser().ParseDocument(html).QuerySelector("#SendVisitorConfirmation")!).IsChecked;

    private Task<bool> SwitchAsync(TenantOwner owner) =>
        fixture.Factory.InTenantAsync(owner.TenantId, sp => sp.GetRequiredService<SmbAgentDbContext>().BusinessProfiles.Select(p => p.SendVisitorConfirmation).SingleAsync());
}
