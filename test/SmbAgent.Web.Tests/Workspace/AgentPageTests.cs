using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.EntityFrameworkCore;
using SmbAgent.Features;
using SmbAgent.Workspace;

namespace SmbAgent.Web.Tests.Workspace;

/// <summary>Agent settings: voice settings only with the voice features, enforced on the server.</summary>
public sealed class AgentPageTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private const string Path = "/Workspace/Agent";

    [Fact]
    public async Task A_free_owner_saves_the_agent_and_sees_an_upgrade_prompt_instead_of_voice_settings()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);
        var html = await browser.OpenAsync(Path);
        var form = HtmlForm.Parse(html, "#agent-form", Path)
            .Set("Input.AgentName", "Max")
            .Set("Input.WelcomeMessage", "Hello from Max")
            .Set("Input.WidgetPrimaryColor", "#112233")
            .Set("Input.WidgetPosition", "BottomLeft")
            .Set("Input.Language", "es");

        using var response = await form.PostAsync(browser);

        var document = new HtmlParser().ParseDocument(html);
        document.QuerySelector("#voice-settings .upgrade-prompt")!.TextContent.ShouldContain("PRO");
        document.QuerySelector("select[name='Input.Voice']").ShouldBeNull();
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var settings = await SettingsAsync(owner);
        settings.AgentName.ShouldBe("Max");
        settings.WelcomeMessage.ShouldBe("Hello from Max");
        settings.WidgetPrimaryColor.ShouldBe("#112233");
        settings.WidgetPosition.ShouldBe(WidgetPosition.BottomLeft);
        settings.Language.ShouldBe("es");
    }

    [Fact]
    public async Task A_crafted_post_with_voice_fields_from_a_free_tenant_is_refused_and_changes_nothing()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);
        var before = await SettingsAsync(owner);
        var form = HtmlForm.Parse(await browser.OpenAsync(Path), "#agent-form", Path)
            .Set("Input.AgentName", "Changed")
            .Add("Input.Voice", "nova")
            .Add("Input.VoiceLanguage", "fr")
            .Add("Input.UsePremiumVoice", "true");

        using var response = await form.PostAsync(browser);
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("Nothing was saved: these voice settings are not part of your plan.");
        new HtmlParser().ParseDocument(html).QuerySelector(".upgrade-prompt")!.TextContent.ShouldContain("PRO");
        var after = await SettingsAsync(owner);
        after.AgentName.ShouldBe(before.AgentName);
        after.Voice.ShouldBe(before.Voice);
        after.VoiceLanguage.ShouldBe(before.VoiceLanguage);
        after.UsePremiumVoice.ShouldBeFalse();
    }

    [Fact]
    public async Task A_pro_owner_sees_and_saves_voice_settings_with_a_premium_voice()
    {
        var owner = await fixture.CreateTenantAsync();
        await fixture.Factory.ChangeEditionAsync(owner.TenantId, EditionMatrix.Pro);
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);
        var html = await browser.OpenAsync(Path);
        var form = HtmlForm.Parse(html, "#agent-form", Path)
            .Set("Input.Voice", "nova")
            .Set("Input.VoiceLanguage", "de")
            .Set("Input.UsePremiumVoice", "true");

        using var response = await form.PostAsync(browser);

        var document = new HtmlParser().ParseDocument(html);
        document.QuerySelector("#voice-settings .upgrade-prompt").ShouldBeNull();
        document.QuerySelectorAll("select[name='Input.Voice'] option").Select(o => o.GetAttribute("value"))
            .ShouldBe([.. AgentVoices.StandardVoices, .. AgentVoices.PremiumVoices]);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var settings = await SettingsAsync(owner);
        settings.Voice.ShouldBe("nova");
        settings.VoiceLanguage.ShouldBe("de");
        settings.UsePremiumVoice.ShouldBeTrue();
    }

    [Fact]
    public async Task With_the_voice_agent_but_no_premium_voices_only_standard_voices_are_offered_and_a_premium_one_is_refused()
    {
        var owner = await fixture.CreateTenantAsync();
        await fixture.Factory.SetFeatureAsync(owner.TenantId, SmbFeatures.Voice.Agent, "true");
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);
        var html = await browser.OpenAsync(Path);
        var form = HtmlForm.Parse(html, "#agent-form", Path).Set("Input.Voice", "onyx").Set("Input.UsePremiumVoice", "true");

        using var refused = await form.PostAsync(browser);
        using var standard = await HtmlForm.Parse(html, "#agent-form", Path).Set("Input.Voice", "Polly.Matthew").PostAsync(browser);

        new HtmlParser().ParseDocument(html).QuerySelectorAll("select[name='Input.Voice'] option").Select(o => o.GetAttribute("value"))
            .ShouldBe(AgentVoices.StandardVoices);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Nothing was saved");
        standard.StatusCode.ShouldBe(HttpStatusCode.Redirect, await standard.Content.ReadAsStringAsync());
        var settings = await SettingsAsync(owner);
        settings.Voice.ShouldBe("Polly.Matthew");
        settings.UsePremiumVoice.ShouldBeFalse();
    }

    [Theory]
    [InlineData("Input.WidgetPrimaryColor", "red", "Use a colour like #0B5CAD.")]
    [InlineData("Input.AgentName", "", "Give the agent a name.")]
    [InlineData("Input.Language", "xx", "Choose a language.")]
    public async Task Bad_values_get_a_message_next_to_their_field(string field, string value, string message)
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);

        using var response = await HtmlForm.Parse(await browser.OpenAsync(Path), "#agent-form", Path).Set(field, value).PostAsync(browser);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ProfilePageTests.MessageFor(await response.Content.ReadAsStringAsync(), field).ShouldBe(message);
    }

    [Fact]
    public async Task A_script_in_the_persona_is_rendered_as_text()
    {
        var owner = await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsync(owner);
        const string persona = "<script>alert('persona')</script> Be kind.";

        using var response = await HtmlForm.Parse(await browser.OpenAsync(Path), "#agent-form", Path).Set("Input.Persona", persona).PostAsync(browser);
        var html = await browser.OpenAsync(Path);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        html.ShouldContain(Browser.Html(persona));
        html.ShouldNotContain("<script>alert('persona')</script>");
    }

    private Task<AgentSettings> SettingsAsync(TenantOwner owner) =>
        fixture.Factory.InTenantAsync(owner.TenantId, sp => sp.GetRequiredService<SmbAgentDbContext>().AgentSettings.AsNoTracking().SingleAsync());
}
