using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Auditing;
using SmbAgent.EntityFrameworkCore;
using SmbAgent.Features;
using SmbAgent.TestKit.Stubs;
using SmbAgent.Twilio;
using SmbAgent.Voice;
using SmbAgent.Voice.PhoneLines;
using SmbAgent.Web.Tests.Workspace;

namespace SmbAgent.Web.Tests.Voice;

/// <summary>
/// The phone line page: numbers added and edited with a write-only auth token kept protected, bad input explained next
/// to its field, a number another business holds refused politely, the webhooks from the configured API address,
/// "test my setup", and the upgrade prompt below PRO.
/// </summary>
public sealed class PhonePageTests(VoiceAdminFixture fixture) : IClassFixture<VoiceAdminFixture>
{
    private const string Path = "/Workspace/Phone";
    private const string EditPath = "/Workspace/Phone/Edit";
    private const string Sid = "AC0123456789abcdef0123456789ABCDEF";

    [Fact]
    public async Task An_owner_adds_a_number_typed_nationally_and_its_token_is_stored_protected_and_never_shown_again()
    {
        var (owner, browser) = await fixture.SignedInOwnerAsync();
        using var _ = browser;
        var number = fixture.NewNumber();
        var token = $"tok{Guid.NewGuid():N}";
        var national = $"({number[2..5]}) {number[5..8]}-{number[8..]}";

        using var added = await PostLineAsync(browser, EditPath, national, Sid, token, forwardTo: "415 555 2671", premiumVoice: "nova");

        added.StatusCode.ShouldBe(HttpStatusCode.Redirect, await added.Content.ReadAsStringAsync());
        var list = await browser.OpenAsync(Path);
        var row = new HtmlParser().ParseDocument(list).QuerySelector("#phone-lines .phone-line").ShouldNotBeNull();
        row.QuerySelector(".phone-line-number")!.TextContent.ShouldBe(number);
        row.QuerySelector(".phone-line-forward")!.TextContent.ShouldBe("+14155552671");
        row.QuerySelector(".phone-line-voice")!.TextContent.ShouldBe("nova");
        var line = (await LinesAsync(owner)).ShouldHaveSingleItem();
        var edit = await browser.OpenAsync($"{EditPath}/{line.Id}");
        list.ShouldNotContain(token);
        edit.ShouldNotContain(token);
        HtmlForm.Parse(edit, "#phone-line-form", EditPath).Values("Input.AuthToken").ShouldBe([string.Empty]);
        line.ProtectedAuthToken.ShouldNotContain(token);
        fixture.Factory.Services.GetRequiredService<PhoneLineSecrets>().Unprotect(line.ProtectedAuthToken).ShouldBe(token);
        (line.Number, line.AccountSid, line.SayVoice, line.PremiumVoice, line.IsActive).ShouldBe((number, Sid, "Polly.Joanna", "nova", true));
        var audit = (await AuditAsync(owner)).ShouldHaveSingleItem();
        audit.Action.ShouldBe(AuditActions.PhoneLineAdded);
        audit.Details.ShouldNotBeNull().ShouldNotContain(token);
    }

    [Fact]
    public async Task Editing_with_the_token_left_empty_keeps_it_and_a_new_token_replaces_it()
    {
        var (owner, browser) = await fixture.SignedInOwnerAsync();
        using var _ = browser;
        using var added = await PostLineAsync(browser, EditPath, fixture.NewNumber(), Sid, "first-token");
        var id = (await LinesAsync(owner)).Single().Id;

        using var kept = await HtmlForm.Parse(await browser.OpenAsync($"{EditPath}/{id}"), "#phone-line-form", $"{EditPath}/{id}")
            .Set("Input.ForwardTo", "+1 415 555 2671")
            .Set("Input.IsActive", "false")
            .PostAsync(browser);
        var afterKeep = (await LinesAsync(owner)).Single();
        using var replaced = await HtmlForm.Parse(await browser.OpenAsync($"{EditPath}/{id}"), "#phone-line-form", $"{EditPath}/{id}")
            .Set("Input.AuthToken", "second-token")
            .PostAsync(browser);
        var afterReplace = (await LinesAsync(owner)).Single();

        kept.StatusCode.ShouldBe(HttpStatusCode.Redirect, await kept.Content.ReadAsStringAsync());
        replaced.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var secrets = fixture.Factory.Services.GetRequiredService<PhoneLineSecrets>();
        (afterKeep.ForwardTo, afterKeep.IsActive, secrets.Unprotect(afterKeep.ProtectedAuthToken)).ShouldBe(("+14155552671", false, "first-token"));
        (afterReplace.ForwardTo, secrets.Unprotect(afterReplace.ProtectedAuthToken)).ShouldBe(("+14155552671", "second-token"));
        (await AuditAsync(owner)).Select(a => a.Action).ShouldBe([AuditActions.PhoneLineAdded, AuditActions.PhoneLineChanged, AuditActions.PhoneLineChanged], ignoreOrder: true);
        (await AuditAsync(owner)).ShouldAllBe(a => !a.Details!.Contains("token-"));
    }

    [Theory]
    [InlineData("Input.AccountSid", "AC123", "An Account SID is AC followed by 32 letters and digits (0-9, a-f).")]
    [InlineData("Input.AccountSid", "SK0123456789abcdef0123456789abcdef", "An Account SID is AC followed by 32 letters and digits (0-9, a-f).")]
    [InlineData("Input.AccountSid", "", "Enter the Account SID from your Twilio console.")]
    [InlineData("Input.Number", "12345", "Enter a valid phone number, such as +1 555 010 0123.")]
    [InlineData("Input.Number", "", "Enter the Twilio phone number.")]
    [InlineData("Input.ForwardTo", "call me", "Enter a valid phone number to forward calls to, or leave it empty.")]
    [InlineData("Input.SayVoice", "Polly.Nobody", "Choose one of the listed voices.")]
    [InlineData("Input.AuthToken", "", "Enter the auth token from your Twilio console.")]
    public async Task A_bad_field_gets_its_message_and_the_token_typed_is_not_echoed(string field, string value, string message)
    {
        var (owner, browser) = await fixture.SignedInOwnerAsync();
        using var _ = browser;
        var form = HtmlForm.Parse(await browser.OpenAsync(EditPath), "#phone-line-form", EditPath)
            .Set("Input.Number", fixture.NewNumber())
            .Set("Input.AccountSid", Sid)
            .Set("Input.AuthToken", "typed-secret-token")
            .Set(field, value);

        using var response = await form.PostAsync(browser);
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ProfilePageTests.MessageFor(html, field).ShouldBe(message);
        html.ShouldNotContain("typed-secret-token");
        (await LinesAsync(owner)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_number_another_business_connected_is_refused_with_a_friendly_message_on_the_field()
    {
        var (_, otherBrowser) = await fixture.SignedInOwnerAsync();
        var number = fixture.NewNumber();
        using (otherBrowser)
        {
            using var theirs = await PostLineAsync(otherBrowser, EditPath, number, Sid, "their-token");
            theirs.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var (owner, browser) = await fixture.SignedInOwnerAsync();
        using var _ = browser;
        using var mine = await PostLineAsync(browser, EditPath, number, Sid, "my-token");
        using var again = await PostLineAsync(browser, EditPath, fixture.NewNumber(), Sid, "my-token");
        var ownNumber = (await LinesAsync(owner)).Single().Number;
        using var twice = await PostLineAsync(browser, EditPath, ownNumber, Sid, "my-token");

        mine.StatusCode.ShouldBe(HttpStatusCode.OK);
        ProfilePageTests.MessageFor(await mine.Content.ReadAsStringAsync(), "Input.Number")
            .ShouldBe("This number is already connected to another business. If it is yours, release it there first or contact support.");
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect, await again.Content.ReadAsStringAsync());
        ProfilePageTests.MessageFor(await twice.Content.ReadAsStringAsync(), "Input.Number").ShouldBe("This number is already one of your lines.");
        (await LinesAsync(owner)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task The_page_shows_the_webhooks_from_the_configured_public_api_address()
    {
        var (_, browser) = await fixture.SignedInOwnerAsync();
        using var _ = browser;

        var document = new HtmlParser().ParseDocument(await browser.OpenAsync(Path));

        document.QuerySelector("#webhook-incoming")!.TextContent.ShouldBe("https://voice.example.test/base/api/voice/incoming");
        document.QuerySelector("#webhook-status")!.TextContent.ShouldBe("https://voice.example.test/base/api/voice/status");
        document.QuerySelector("#webhook-fallback")!.TextContent.ShouldBe("https://voice.example.test/base/api/voice/fallback");
        document.QuerySelectorAll("button[data-copy-target]").Select(b => b.GetAttribute("data-copy-target"))
            .ShouldBe(["webhook-incoming", "webhook-status", "webhook-fallback"]);
        document.QuerySelector("#no-lines").ShouldNotBeNull();
    }

    [Fact]
    public async Task Test_my_setup_asks_twilio_with_the_lines_own_credentials_and_shows_a_pass_or_the_problem()
    {
        var (owner, browser) = await fixture.SignedInOwnerAsync();
        using var _ = browser;
        var number = fixture.NewNumber();
        var missingNumber = fixture.NewNumber();
        using var added = await PostLineAsync(browser, EditPath, number, TwilioStubServer.AccountSid, TwilioStubServer.AuthToken);
        using var missingAdded = await PostLineAsync(browser, EditPath, missingNumber, TwilioStubServer.AccountSid, "not-the-stub-token");
        var lines = await LinesAsync(owner);
        var id = lines.Single(l => l.Number == number).Id;
        var wrongTokenId = lines.Single(l => l.Number == missingNumber).Id;
        var incoming = new Uri(VoiceAdminFixture.PublicApi + "api/voice/incoming");
        var requestsBefore = fixture.Twilio.Requests.Count;

        var notOnAccount = await TestAsync(browser, id);
        fixture.Twilio.AddIncomingNumber(number, new Uri("https://old-host.example.com/voice"));
        var elsewhere = await TestAsync(browser, id);
        fixture.Twilio.AddIncomingNumber(number, incoming);
        var passed = await TestAsync(browser, id);
        var passedLine = (await LinesAsync(owner)).Single(l => l.Id == id);
        var refused = await TestAsync(browser, wrongTokenId);
        var refusedLine = (await LinesAsync(owner)).Single(l => l.Id == wrongTokenId);

        new HtmlParser().ParseDocument(notOnAccount).QuerySelector("#test-problem")!.TextContent
            .ShouldBe($"The test found a problem: {TwilioAccountCheck.NumberNotOnAccount}");
        new HtmlParser().ParseDocument(elsewhere).QuerySelector("#test-problem")!.TextContent
            .ShouldBe($"The test found a problem: Twilio sends this number's calls to https://old-host.example.com/voice, not to our webhook {incoming.AbsoluteUri}.");
        passed.ShouldContain("Your setup works");
        new HtmlParser().ParseDocument(passed).QuerySelector($".phone-line[data-id='{id}'] .test-passed").ShouldNotBeNull();
        passedLine.LastTestTime.ShouldNotBeNull();
        passedLine.LastTestProblem.ShouldBeNull();
        new HtmlParser().ParseDocument(refused).QuerySelector($".phone-line[data-id='{wrongTokenId}'] .test-failed")!.TextContent.Trim()
            .ShouldBe(TwilioAccountCheck.CredentialsRefused);
        refusedLine.LastTestProblem.ShouldBe(TwilioAccountCheck.CredentialsRefused);
        fixture.Twilio.Requests.Skip(requestsBefore).Select(r => r.Path)
            .ShouldAllBe(p => p == $"/2010-04-01/Accounts/{TwilioStubServer.AccountSid}/IncomingPhoneNumbers.json");
        passed.ShouldNotContain(TwilioStubServer.AuthToken);
    }

    [Theory]
    [InlineData(EditionMatrix.Free)]
    [InlineData(EditionMatrix.Basic)]
    public async Task Below_pro_the_page_shows_the_upgrade_prompt_and_a_crafted_form_saves_nothing(string edition)
    {
        var (owner, browser) = await fixture.SignedInOwnerAsync(edition);
        using var _ = browser;

        var document = new HtmlParser().ParseDocument(await browser.OpenAsync(Path));
        var editPage = await browser.OpenAsync(EditPath);
        var token = Browser.AntiforgeryToken(editPage);
        using var crafted = await browser.Client.PostAsync(new Uri(EditPath, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Number"] = fixture.NewNumber(),
            ["Input.AccountSid"] = Sid,
            ["Input.AuthToken"] = "crafted-token",
            ["Input.SayVoice"] = "alice",
            ["Input.IsActive"] = "true",
        }));

        document.QuerySelector(".upgrade-prompt")!.TextContent.ShouldContain("PRO");
        document.QuerySelector("#webhooks").ShouldBeNull();
        new HtmlParser().ParseDocument(editPage).QuerySelector("#phone-line-form").ShouldBeNull();
        crafted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await crafted.Content.ReadAsStringAsync()).ShouldContain("Nothing was saved");
        (await LinesAsync(owner)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Without_premium_voices_the_premium_voice_is_not_offered_and_a_crafted_one_is_refused()
    {
        var (owner, browser) = await fixture.SignedInOwnerAsync();
        using var _ = browser;
        await fixture.Factory.SetFeatureAsync(owner.TenantId, SmbFeatures.Voice.PremiumVoices, "false");

        var form = HtmlForm.Parse(await browser.OpenAsync(EditPath), "#phone-line-form", EditPath);
        using var crafted = await form.Set("Input.Number", fixture.NewNumber()).Set("Input.AccountSid", Sid).Set("Input.AuthToken", "t").Add("Input.PremiumVoice", "onyx").PostAsync(browser);

        form.Values("Input.SayVoice").ShouldBe(["alice"]);
        crafted.StatusCode.ShouldBe(HttpStatusCode.OK);
        new HtmlParser().ParseDocument(await crafted.Content.ReadAsStringAsync()).QuerySelector(".upgrade-prompt")!.TextContent.ShouldContain("Premium voices");
        (await LinesAsync(owner)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_owner_removes_a_line_but_another_businesss_line_is_not_found_and_staff_may_not_open_the_page()
    {
        var (other, otherBrowser) = await fixture.SignedInOwnerAsync();
        using (otherBrowser)
        {
            using var theirs = await PostLineAsync(otherBrowser, EditPath, fixture.NewNumber(), Sid, "their-token");
        }

        var (owner, browser) = await fixture.SignedInOwnerAsync();
        using var _ = browser;
        using var mine = await PostLineAsync(browser, EditPath, fixture.NewNumber(), Sid, "my-token");
        var ownId = (await LinesAsync(owner)).Single().Id;
        var otherId = (await LinesAsync(other)).Single().Id;
        var form = HtmlForm.Parse(await browser.OpenAsync(Path), ".delete-form", Path);

        using var foreign = await form.PostAsync(browser, $"{Path}?handler=Delete&id={otherId}");
        using var foreignEdit = await browser.GetAsync($"{EditPath}/{otherId}");
        using var removed = await form.PostAsync(browser, $"{Path}?handler=Delete&id={ownId}");
        var staff = await fixture.Factory.CreateStaffAsync(owner);
        using var staffBrowser = fixture.CreateBrowser();
        await staffBrowser.SignInAsync(staff);
        using var staffPage = await staffBrowser.GetAsync(Path);

        foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        foreignEdit.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        removed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await LinesAsync(owner)).ShouldBeEmpty();
        (await LinesAsync(other)).ShouldHaveSingleItem();
        (await AuditAsync(owner)).Select(a => a.Action).ShouldContain(AuditActions.PhoneLineRemoved);
        staffPage.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static async Task<HttpResponseMessage> PostLineAsync(
        Browser browser, string path, string number, string sid, string token, string? forwardTo = null, string? premiumVoice = null)
    {
        var form = HtmlForm.Parse(await browser.OpenAsync(path), "#phone-line-form", path)
            .Set("Input.Number", number)
            .Set("Input.AccountSid", sid)
            .Set("Input.AuthToken", token)
            .Set("Input.SayVoice", "Polly.Joanna");
        if (forwardTo is not null)
        {
            form.Set("Input.ForwardTo", forwardTo);
        }

        if (premiumVoice is not null)
        {
            form.Set("Input.PremiumVoice", premiumVoice);
        }

        return await form.PostAsync(browser);
    }

    private static async Task<string> TestAsync(Browser browser, Guid id)
    {
        var form = HtmlForm.Parse(await browser.OpenAsync(Path), ".test-form", Path);
        using var response = await form.PostAsync(browser, $"{Path}?handler=Test&id={id}");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return await browser.OpenAsync(Path);
    }

    private Task<List<PhoneLine>> LinesAsync(TenantOwner owner) =>
        fixture.Factory.InTenantAsync(owner.TenantId, sp => sp.GetRequiredService<SmbAgentDbContext>().PhoneLines.AsNoTracking().ToListAsync());

    private Task<List<AuditLogEntry>> AuditAsync(TenantOwner owner) =>
        fixture.Factory.InTenantAsync(owner.TenantId, sp => sp.GetRequiredService<SmbAgentDbContext>().AuditLogEntries.AsNoTracking()
            .Where(a => a.Action.StartsWith("PhoneLine")).ToListAsync());
}
