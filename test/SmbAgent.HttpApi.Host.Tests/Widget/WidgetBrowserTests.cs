using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmbAgent.Conversations;
using SmbAgent.Conversations.Takeover;
using SmbAgent.Data;
using SmbAgent.HostAdmin;
using SmbAgent.HttpApi.Tests.Conversations;

namespace SmbAgent.HttpApi.Tests.Widget;

/// <summary>
/// The widget as a visitor meets it on a business's own site (another origin than the API, under a strict
/// Content-Security-Policy), in Debian's Chromium: issue 12's browser tests. Every test also checks that the site's
/// policy blocked nothing.
/// </summary>
public sealed class WidgetBrowserTests(WidgetBrowserFixture fixture) : IClassFixture<WidgetBrowserFixture>, IAsyncLifetime
{
    private readonly List<IPage> _pages = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var page in _pages)
        {
            fixture.CspViolations(page).ShouldBeEmpty("the widget broke the site's Content-Security-Policy");
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_visitor_gets_an_answer_with_its_source_picks_a_suggestion_and_leaves_a_lead_with_a_choice_and_a_phone_hint()
    {
        var widget = await VisitAsync(fixture.Plumber);
        await WidgetBrowserFixture.ScreenshotAsync(widget.Page, "desktop-1-launcher");

        await widget.OpenAsync();
        (await widget.AgentMessages.First.InnerTextAsync()).ShouldContain("How can I help you today?");
        (await widget.Launcher.GetAttributeAsync("aria-expanded")).ShouldBe("true");

        (await widget.SayAsync("When are you open on Saturday?")).ShouldContain("Saturdays from 9 am to 1 pm");
        (await widget.SayAsync("Can you clear a blocked drain?")).ShouldContain("blocked drains");
        (await widget.Part("citation").Last.GetAttributeAsync("href")).ShouldBe(new Uri(fixture.Site.BaseAddress, HostPageServer.ServicesPath).ToString());
        await WidgetBrowserFixture.ScreenshotAsync(widget.Page, "desktop-2-answer-with-source");

        await widget.SayAsync("When do you start in the morning?");
        var suggestion = widget.Part("suggestion").Filter(new() { HasText = "What are your opening hours?" });
        await WidgetBrowserFixture.ScreenshotAsync(widget.Page, "desktop-3-did-you-mean");
        var seen = await widget.AgentMessages.CountAsync();
        await suggestion.ClickAsync();
        (await widget.RepliesAfterAsync(seen)).ShouldContain("Monday to Friday from 8 am to 6 pm");

        (await widget.SayAsync("I'd like a quote for a new bathroom")).ShouldContain("What's your name?");
        (await widget.SayAsync("Sam Lee")).ShouldContain("phone number");
        (await widget.Input.GetAttributeAsync("type")).ShouldBe("tel");
        (await widget.Input.GetAttributeAsync("inputmode")).ShouldBe("tel");
        (await widget.Input.GetAttributeAsync("autocomplete")).ShouldBe("tel");
        await WidgetBrowserFixture.ScreenshotAsync(widget.Page, "desktop-4-phone-question");
        (await widget.SayAsync("+1 415 555 0134")).ShouldContain("email");
        (await widget.Input.GetAttributeAsync("type")).ShouldBe("email");
        seen = await widget.AgentMessages.CountAsync();
        await widget.Part("skip").ClickAsync();
        await widget.RepliesAfterAsync(seen);
        (await widget.SayAsync("Re-tiling the bathroom")).ShouldContain(WidgetBrowserFixture.ChoiceQuestion);
        (await widget.Part("choice").AllInnerTextsAsync()).ShouldBe(["Repair", "Installation"]);
        await WidgetBrowserFixture.ScreenshotAsync(widget.Page, "desktop-5-choice");
        seen = await widget.AgentMessages.CountAsync();
        await widget.Part("choice").Filter(new() { HasText = "Installation" }).ClickAsync();
        (await widget.RepliesAfterAsync(seen)).ShouldContain("Thank you");
        await WidgetBrowserFixture.ScreenshotAsync(widget.Page, "desktop-6-thanks");

        var conversation = await fixture.ConversationOfAsync(widget.Page, fixture.Plumber);
        var lead = await fixture.InTenantAsync(fixture.Plumber.TenantId, services => services.GetRequiredService<ISmbAgentDbContext>().Leads.AsNoTracking()
            .SingleAsync(l => l.ConversationId == conversation.Id));
        (lead.ContactName, lead.Phone).ShouldBe(("Sam Lee", "+14155550134"));
    }

    [Fact]
    public async Task On_the_demo_site_a_visitor_leaves_a_lead_and_reports_an_emergency()
    {
        var visitor = new WidgetPage(await NewPageAsync());
        await visitor.LoadAsync(new Uri(fixture.ApiAddress, "/demo"));
        await visitor.OpenAsync();
        (await visitor.SayAsync("I'd like a quote for a new water heater")).ShouldContain("What's your name?");
        (await visitor.SayAsync("Ana Ruiz")).ShouldContain("phone number");
        (await visitor.SayAsync("+1 415 555 0177")).ShouldContain("email");
        await visitor.Part("skip").ClickAsync();
        await visitor.Part("input").WaitForAsync();
        var thanks = string.Empty;
        for (var answers = 0; answers < 3 && !thanks.Contains("Thank you", StringComparison.Ordinal); answers++)
        {
            thanks = await visitor.SayAsync("A 50 gallon tank, gas");
        }

        thanks.ShouldContain("Thank you");
        var reporter = new WidgetPage(await NewPageAsync());
        await reporter.LoadAsync(new Uri(fixture.ApiAddress, "/demo"));
        await reporter.OpenAsync();
        var alert = await reporter.SayAsync("Water is pouring through my kitchen ceiling!");
        (await reporter.Part("emergency").CountAsync()).ShouldBe(1, alert);
        await WidgetBrowserFixture.ScreenshotAsync(reporter.Page, "demo-emergency");

        var lead = await fixture.InTenantAsync(fixture.DemoBusinessId, services => services.GetRequiredService<ISmbAgentDbContext>().Leads.AsNoTracking().SingleAsync());
        (lead.ContactName, lead.Phone).ShouldBe(("Ana Ruiz", "+14155550177"));
    }

    [Fact]
    public async Task An_emergency_shows_a_banner_with_a_tap_to_call_link_to_the_business()
    {
        var widget = await VisitAsync(fixture.Plumber);
        await widget.OpenAsync();

        await widget.SayAsync("There is sewage coming up in my shower!");

        var banner = widget.Part("emergency");
        await banner.WaitForAsync();
        (await banner.Locator("[data-part='call']").GetAttributeAsync("href")).ShouldBe("tel:+14155550100");
        await WidgetBrowserFixture.ScreenshotAsync(widget.Page, "desktop-7-emergency");
    }

    [Fact]
    public async Task A_reload_and_another_page_of_the_site_show_the_same_conversation()
    {
        var widget = await VisitAsync(fixture.Plumber);
        await widget.OpenAsync();
        await widget.SayAsync("When are you open on Saturday?");
        var before = await widget.Messages.AllInnerTextsAsync();

        await widget.Page.ReloadAsync();
        var afterReload = await TranscriptOnOpenAsync(widget, before.Count);
        await widget.Page.GotoAsync(fixture.Site.PageOf(fixture.Plumber.WidgetKey, page: "contact").ToString());
        await widget.Launcher.WaitForAsync();
        var onAnotherPage = await TranscriptOnOpenAsync(widget, before.Count);

        afterReload.ShouldBe(before);
        onAnotherPage.ShouldBe(before);
        before.ShouldContain(text => text.Contains("Saturdays from 9 am to 1 pm", StringComparison.Ordinal));
        before.ShouldContain(text => text.Contains("When are you open on Saturday?", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_message_from_a_person_who_took_over_appears_as_the_teams()
    {
        var widget = await VisitAsync(fixture.Plumber);
        await widget.OpenAsync();
        await widget.SayAsync("Hello");
        var conversation = await fixture.ConversationOfAsync(widget.Page, fixture.Plumber);

        await fixture.InTenantAsync(fixture.Plumber.TenantId, async services =>
        {
            var takeover = services.GetRequiredService<TakeoverAppService>();
            await takeover.TakeOverAsync(conversation.Id, fixture.Plumber.OwnerId);
            await takeover.SendAsync(conversation.Id, new OwnerMessageDto { Text = "Hi, this is Sam from the team." });
        });

        var team = widget.Page.Locator("smbagent-widget [data-part='message'][data-role='team']").Filter(new() { HasText = "Hi, this is Sam from the team." });
        await team.WaitForAsync();
        await WidgetBrowserFixture.ScreenshotAsync(widget.Page, "desktop-8-takeover");
    }

    [Fact]
    public async Task A_hostile_site_stylesheet_changes_nothing_in_the_widget()
    {
        var plain = await OpenedLookAsync(hostile: false);
        var hostile = await OpenedLookAsync(hostile: true);

        hostile.ShouldBe(plain);
    }

    [Fact]
    public async Task Markup_in_an_answer_stays_text()
    {
        var widget = await VisitAsync(fixture.Plumber);
        var dialogs = 0;
        widget.Page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };
        await widget.OpenAsync();

        var answer = await widget.SayAsync("Do you offer discounts for seniors?");

        answer.ShouldContain("seniors get 10% off");
        (await widget.Page.Locator("smbagent-widget img").CountAsync()).ShouldBe(0);
        (await widget.Page.Locator("smbagent-widget script").CountAsync()).ShouldBe(0);
        (await widget.Page.Locator("smbagent-widget a[href^='javascript']").CountAsync()).ShouldBe(0);
        (await widget.Page.EvaluateAsync<bool>("() => window.__xss === undefined")).ShouldBeTrue();
        dialogs.ShouldBe(0);
    }

    [Fact]
    public async Task A_message_sent_offline_is_delivered_once_when_the_browser_is_back_online()
    {
        var widget = await VisitAsync(fixture.Plumber);
        await widget.OpenAsync();
        await widget.SayAsync("Hello");
        var seen = await widget.AgentMessages.CountAsync();

        await widget.Page.Context.SetOfflineAsync(true);
        await widget.Input.FillAsync("When are you open on Saturday?");
        await widget.Input.PressAsync("Enter");
        await widget.Part("retry").WaitForAsync();
        await WidgetBrowserFixture.ScreenshotAsync(widget.Page, "desktop-9-offline");
        await widget.Page.Context.SetOfflineAsync(false);
        var answer = await widget.RepliesAfterAsync(seen);

        answer.ShouldContain("Saturdays from 9 am to 1 pm");
        await widget.Part("retry").WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        var stored = await fixture.MessagesOfAsync(widget.Page, fixture.Plumber);
        stored.Count(m => m.Role == MessageRole.Visitor && m.Text == "When are you open on Saturday?").ShouldBe(1);
        (await widget.Page.Locator("smbagent-widget [data-part='message'][data-role='visitor']").AllInnerTextsAsync())
            .Count(text => text.Contains("When are you open on Saturday?", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task The_branding_shows_on_free_and_is_hidden_on_pro()
    {
        var free = await VisitAsync(fixture.Plumber);
        await free.OpenAsync();
        var pro = await VisitAsync(fixture.ProBusiness);
        await pro.OpenAsync();

        (await free.Part("branding").IsVisibleAsync()).ShouldBeTrue();
        (await pro.Part("branding").IsVisibleAsync()).ShouldBeFalse();
    }

    [Fact]
    public async Task A_deactivated_business_shows_the_polite_unavailable_state()
    {
        var owner = await fixture.Api.CreateTenantAsync();
        await AllowedOriginsChanges.AllowAsync(fixture.Api, owner.TenantId, HostPageServer.OriginOf(fixture.Site.BaseAddress));
        var widgetKey = await fixture.InTenantAsync(owner.TenantId, services => services.GetRequiredService<ISmbAgentDbContext>().Tenants
            .Where(t => t.Id == owner.TenantId).Select(t => t.WidgetKey).SingleAsync());
        await using (var scope = fixture.Api.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TenantAdminAppService>().SetActiveAsync(owner.TenantId, active: false);
        }

        var widget = new WidgetPage(await NewPageAsync());
        await widget.LoadAsync(fixture.Site.PageOf(widgetKey));
        await widget.OpenAsync();

        await widget.Part("unavailable").WaitForAsync();
        (await widget.Input.IsVisibleAsync()).ShouldBeFalse();
        (await widget.Part("retry").IsVisibleAsync()).ShouldBeFalse();
    }

    [Fact]
    public async Task A_site_whose_origin_the_business_did_not_allow_is_refused()
    {
        var widget = new WidgetPage(await NewPageAsync());
        await widget.LoadAsync(fixture.Site.PageOf(fixture.Plumber.WidgetKey, origin: fixture.Site.OtherOrigin));
        await widget.OpenAsync();

        await widget.Part("unavailable").WaitForAsync();
        (await widget.Input.IsVisibleAsync()).ShouldBeFalse();
    }

    [Fact]
    public async Task The_widget_works_with_the_keyboard_alone()
    {
        var widget = await VisitAsync(fixture.Plumber);

        for (var i = 0; i < 5 && await widget.FocusedPartAsync() != "launcher"; i++)
        {
            await widget.Page.Keyboard.PressAsync("Tab");
        }

        (await widget.FocusedPartAsync()).ShouldBe("launcher");
        await widget.Page.Keyboard.PressAsync("Enter");
        await widget.Dialog.WaitForAsync();
        await widget.Page.WaitForFunctionAsync("() => document.activeElement?.shadowRoot?.activeElement?.dataset.part === 'input'");
        var seen = await widget.AgentMessages.CountAsync();
        await widget.Page.Keyboard.TypeAsync("When are you open on Saturday?");
        await widget.Page.Keyboard.PressAsync("Enter");
        (await widget.RepliesAfterAsync(seen)).ShouldContain("Saturdays from 9 am to 1 pm");
        await widget.Page.Keyboard.PressAsync("Escape");

        await widget.Dialog.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        (await widget.FocusedPartAsync()).ShouldBe("launcher");
        (await widget.Launcher.GetAttributeAsync("aria-expanded")).ShouldBe("false");
    }

    [Fact]
    public async Task On_a_phone_the_open_widget_is_a_full_screen_sheet()
    {
        var widget = new WidgetPage(await NewPageAsync(390, 844, isMobile: true));
        await widget.LoadAsync(fixture.Site.PageOf(fixture.Plumber.WidgetKey));
        await WidgetBrowserFixture.ScreenshotAsync(widget.Page, "phone-1-launcher");
        await widget.Launcher.TapAsync();
        await widget.Dialog.WaitForAsync();
        await widget.SayAsync("When are you open on Saturday?");

        var box = (await widget.Dialog.BoundingBoxAsync()).ShouldNotBeNull();
        (box.X, box.Y, box.Width, box.Height).ShouldBe((0, 0, 390, 844));
        (await widget.Input.BoundingBoxAsync()).ShouldNotBeNull().Y.ShouldBeLessThan(844);
        await WidgetBrowserFixture.ScreenshotAsync(widget.Page, "phone-2-open");
    }

    [Fact]
    public async Task Axe_finds_no_accessibility_violations_in_the_open_widget()
    {
        var widget = await VisitAsync(fixture.Plumber);
        await widget.OpenAsync();
        await widget.SayAsync("When do you start in the morning?");
        await widget.SayAsync("I'd like a quote for a new bathroom");

        var results = await widget.Page.Locator("smbagent-widget").RunAxe();

        results.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})").ShouldBeEmpty();
    }

    private static async Task<IReadOnlyList<string>> TranscriptOnOpenAsync(WidgetPage widget, int count)
    {
        await widget.Launcher.WaitForAsync();
        await widget.OpenAsync();
        await widget.Messages.Nth(count - 1).WaitForAsync();
        return await widget.Messages.AllInnerTextsAsync();
    }

    private async Task<IPage> NewPageAsync(int width = 1280, int height = 800, bool isMobile = false)
    {
        var page = await fixture.NewPageAsync(width, height, isMobile);
        _pages.Add(page);
        return page;
    }

    private async Task<WidgetPage> VisitAsync(WidgetBusiness business, bool hostile = false)
    {
        var widget = new WidgetPage(await NewPageAsync());
        await widget.LoadAsync(fixture.Site.PageOf(business.WidgetKey, hostile));
        return widget;
    }

    /// <summary>Where the launcher and the open dialog's parts are drawn and how they look, as JSON to compare.</summary>
    private async Task<string> OpenedLookAsync(bool hostile)
    {
        var widget = await VisitAsync(fixture.Plumber, hostile);
        await widget.OpenAsync();
        await widget.SayAsync("When are you open on Saturday?");
        await WidgetBrowserFixture.ScreenshotAsync(widget.Page, hostile ? "desktop-hostile-css" : "desktop-plain-css");
        var look = new List<object?>();
        foreach (var part in new[] { widget.Launcher, widget.Dialog, widget.Input, widget.Part("send"), widget.Part("close"), widget.AgentMessages.Last })
        {
            look.Add(await part.BoundingBoxAsync());
            look.Add(await part.EvaluateAsync<Dictionary<string, string>>(
                """
                e => { const s = getComputedStyle(e); return Object.fromEntries(['font-family', 'font-size', 'line-height', 'letter-spacing', 'color',
                  'background-color', 'padding', 'margin', 'border', 'width', 'height', 'position', 'z-index', 'display'].map(p => [p, s.getPropertyValue(p)])); }
                """));
        }

        return JsonSerializer.Serialize(look);
    }
}
