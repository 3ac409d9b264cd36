using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Conversations;
using SmbAgent.EntityFrameworkCore;
using SmbAgent.Features;
using SmbAgent.TestKit.Stubs;
using SmbAgent.Voice;
using SmbAgent.Voice.PhoneLines;
using SmbAgent.Web.Tests.Leads;
using SmbAgent.Web.Tests.Workspace;

namespace SmbAgent.Web.Tests.Voice;

/// <summary>
/// The Calls list and detail: newest first, filtered, with the call's transcript, voicemail and lead; the lead and
/// conversation pages link their call; the recording streams from Twilio with the line's credentials, only for the
/// business's own call and only from Twilio's host.
/// </summary>
public sealed class CallsPageTests(VoiceAdminFixture fixture) : IClassFixture<VoiceAdminFixture>
{
    private const string ListPath = "/Workspace/Calls";
    private static readonly DateTimeOffset Noon = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    /// <summary>An MP3 frame header and some bytes: enough to tell the streamed body apart.</summary>
    private static readonly byte[] Audio = [0xFF, 0xFB, 0x90, 0x64, .. "fake-mp3-audio-body"u8.ToArray()];

    [Fact]
    public async Task The_list_shows_calls_newest_first_and_filters_by_direction_and_status()
    {
        var (owner, browser) = await fixture.SignedInOwnerAsync();
        using var _ = browser;
        var line = fixture.NewNumber();
        await AddCallAsync(owner, new CallSeed("+14155552671", line, "completed", Noon.AddHours(-2)) { Duration = 75 });
        await AddCallAsync(owner, new CallSeed("+14155552672", line, "no-answer", Noon.AddHours(-1)));
        await AddCallAsync(owner, new CallSeed("+15005550006", "+14155552673", "completed", Noon) { Direction = CallDirection.OwnerAlert, Duration = 20 });

        var all = new HtmlParser().ParseDocument(await browser.OpenAsync(ListPath));
        var alerts = new HtmlParser().ParseDocument(await browser.OpenAsync($"{ListPath}?direction=OwnerAlert"));
        var missed = new HtmlParser().ParseDocument(await browser.OpenAsync($"{ListPath}?status=no-answer"));
        var inboundCompleted = new HtmlParser().ParseDocument(await browser.OpenAsync($"{ListPath}?direction=Inbound&status=completed"));

        all.QuerySelectorAll("#calls .call-row .call-from").Select(c => c.TextContent).ShouldBe(["+15005550006", "+14155552672", "+14155552671"]);
        all.QuerySelectorAll("#calls .call-duration").Select(c => c.TextContent).ShouldBe(["0:20", "—", "1:15"]);
        all.QuerySelector("#call-count")!.TextContent.ShouldStartWith("3 calls");
        alerts.QuerySelectorAll("#calls .call-row .call-to").Select(c => c.TextContent).ShouldBe(["+14155552673"]);
        missed.QuerySelectorAll("#calls .call-row .call-status").Select(c => c.TextContent).ShouldBe(["No answer"]);
        inboundCompleted.QuerySelectorAll("#calls .call-row .call-from").Select(c => c.TextContent).ShouldBe(["+14155552671"]);
    }

    [Fact]
    public async Task A_call_shows_its_transcript_voicemail_lead_and_player_and_the_lead_and_conversation_pages_link_it()
    {
        var (owner, browser) = await fixture.SignedInOwnerAsync();
        using var _ = browser;
        var (leadId, conversationId) = await fixture.Factory.AddLeadAsync(owner.TenantId, new LeadSeed
        {
            Name = "Dana <Caller>",
            Messages = [(MessageRole.Agent, "Thanks for calling Rosa's Plumbing."), (MessageRole.Visitor, "My water heater is leaking.")],
        });
        var callId = await AddCallAsync(owner, new CallSeed("+14155552671", fixture.NewNumber(), "completed", Noon)
        {
            Duration = 3725,
            LeadId = leadId,
            ConversationId = conversationId,
            RecordingSid = "RE" + new string('a', 32),
            Voicemail = "Please call me back <soon> & thanks",
        });

        var html = await browser.OpenAsync($"/Workspace/Calls/Details/{callId}");
        var document = new HtmlParser().ParseDocument(html);
        var lead = LeadPages.Parse(await browser.OpenAsync(LeadPages.DetailsPath(leadId)));
        var conversation = LeadPages.Parse(await browser.OpenAsync(LeadPages.ConversationPath(conversationId)));

        document.QuerySelector("[data-field='from']")!.TextContent.ShouldBe("+14155552671");
        document.QuerySelector("[data-field='duration']")!.TextContent.ShouldBe("1:02:05");
        document.QuerySelector("#call-status")!.TextContent.ShouldBe("Completed");
        document.QuerySelectorAll("#transcript .message-text").Select(m => m.TextContent).ShouldBe(["Thanks for calling Rosa's Plumbing.", "My water heater is leaking."]);
        document.QuerySelector("#voicemail")!.TextContent.ShouldBe("Please call me back <soon> & thanks");
        html.ShouldContain("Please call me back &lt;soon&gt; &amp; thanks");
        document.QuerySelector("#call-lead")!.GetAttribute("href").ShouldBe(LeadPages.DetailsPath(leadId));
        document.QuerySelector("#call-lead")!.TextContent.ShouldContain("Dana <Caller>");
        document.QuerySelector("#recording-player")!.GetAttribute("src").ShouldBe($"/Workspace/Calls/Recording/{callId}");
        lead.QuerySelector("#call-link")!.GetAttribute("href").ShouldBe($"/Workspace/Calls/Details/{callId}");
        conversation.QuerySelector("#call-link")!.GetAttribute("href").ShouldBe($"/Workspace/Calls/Details/{callId}");
    }

    [Fact]
    public async Task A_chat_leads_page_links_no_call_and_another_businesss_call_is_not_found()
    {
        var (other, otherBrowser) = await fixture.SignedInOwnerAsync();
        otherBrowser.Dispose();
        var foreignCall = await AddCallAsync(other, new CallSeed("+14155552671", fixture.NewNumber(), "completed", Noon));
        var (owner, browser) = await fixture.SignedInOwnerAsync();
        using var _ = browser;
        var (leadId, _) = await fixture.Factory.AddLeadAsync(owner.TenantId, new LeadSeed { Name = "Chat visitor" });

        var lead = LeadPages.Parse(await browser.OpenAsync(LeadPages.DetailsPath(leadId)));
        using var foreign = await browser.GetAsync($"/Workspace/Calls/Details/{foreignCall}");
        var list = LeadPages.Parse(await browser.OpenAsync(ListPath));

        lead.QuerySelector("#call-link").ShouldBeNull();
        foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        list.QuerySelector("#calls-empty").ShouldNotBeNull();
    }

    [Fact]
    public async Task The_recording_streams_from_twilio_with_the_lines_credentials_and_only_for_the_businesss_own_call()
    {
        var (other, otherBrowser) = await fixture.SignedInOwnerAsync();
        otherBrowser.Dispose();
        var (owner, browser) = await fixture.SignedInOwnerAsync();
        using var _ = browser;
        var number = fixture.NewNumber();
        var otherNumber = fixture.NewNumber();
        await AddLineAsync(owner, number);
        await AddLineAsync(other, otherNumber);
        var recordingSid = "RE" + new string('b', 32);
        fixture.Twilio.AddRecording(recordingSid, Audio);
        fixture.Twilio.AddRecording("RE" + new string('c', 32), Audio);
        var own = await AddCallAsync(owner, new CallSeed("+14155552671", number, "completed", Noon) { RecordingSid = recordingSid });
        var foreign = await AddCallAsync(other, new CallSeed("+14155552671", otherNumber, "completed", Noon) { RecordingSid = "RE" + new string('c', 32) });
        var elsewhere = await AddCallAsync(owner, new CallSeed("+14155552672", number, "completed", Noon)
        {
            RecordingUrl = $"http://127.0.0.1:1/2010-04-01/Accounts/{TwilioStubServer.AccountSid}/Recordings/RE{new string('b', 32)}",
        });
        var wrongPath = await AddCallAsync(owner, new CallSeed("+14155552673", number, "completed", Noon)
        {
            RecordingUrl = fixture.Twilio.BaseUrl.AbsoluteUri + "2010-04-01/Accounts/" + TwilioStubServer.AccountSid + "/Calls/CA" + new string('e', 32),
        });
        var noRecording = await AddCallAsync(owner, new CallSeed("+14155552674", number, "completed", Noon));
        var requestsBefore = fixture.Twilio.Requests.Count;

        using var streamed = await browser.GetAsync($"/Workspace/Calls/Recording/{own}");
        var body = await streamed.Content.ReadAsByteArrayAsync();
        using var foreignResponse = await browser.GetAsync($"/Workspace/Calls/Recording/{foreign}");
        using var elsewhereResponse = await browser.GetAsync($"/Workspace/Calls/Recording/{elsewhere}");
        using var wrongPathResponse = await browser.GetAsync($"/Workspace/Calls/Recording/{wrongPath}");
        using var noRecordingResponse = await browser.GetAsync($"/Workspace/Calls/Recording/{noRecording}");

        streamed.StatusCode.ShouldBe(HttpStatusCode.OK);
        streamed.Content.Headers.ContentType!.MediaType.ShouldBe("audio/mpeg");
        streamed.Headers.CacheControl!.NoStore.ShouldBeTrue();
        body.ShouldBe(Audio);
        foreignResponse.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        elsewhereResponse.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        wrongPathResponse.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        noRecordingResponse.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var fetched = fixture.Twilio.Requests.Skip(requestsBefore).ShouldHaveSingleItem();
        fetched.Path.ShouldBe($"/2010-04-01/Accounts/{TwilioStubServer.AccountSid}/Recordings/{recordingSid}.mp3");
        fetched.Authorization.ShouldBe("Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{TwilioStubServer.AccountSid}:{TwilioStubServer.AuthToken}")));
    }

    [Theory]
    [InlineData(EditionMatrix.Free)]
    [InlineData(EditionMatrix.Basic)]
    public async Task Below_pro_the_calls_page_shows_the_upgrade_prompt(string edition)
    {
        var (_, browser) = await fixture.SignedInOwnerAsync(edition);
        using var _ = browser;

        var document = LeadPages.Parse(await browser.OpenAsync(ListPath));

        document.QuerySelector(".upgrade-prompt")!.TextContent.ShouldContain("PRO");
        document.QuerySelector("#call-filter").ShouldBeNull();
    }

    private sealed record CallSeed(string From, string To, string Status, DateTimeOffset Start)
    {
        public CallDirection Direction { get; init; } = CallDirection.Inbound;

        public int? Duration { get; init; }

        public Guid? LeadId { get; init; }

        public Guid? ConversationId { get; init; }

        public string? RecordingSid { get; init; }

        public string? RecordingUrl { get; init; }

        public string? Voicemail { get; init; }
    }

    private Task<Guid> AddCallAsync(TenantOwner owner, CallSeed seed) =>
        fixture.Factory.InTenantAsync(owner.TenantId, async sp =>
        {
            var db = sp.GetRequiredService<SmbAgentDbContext>();
            var call = new CallLog(Guid.CreateVersion7(), owner.TenantId, "CA" + Guid.NewGuid().ToString("N"), seed.Direction, seed.From, seed.To, seed.Status)
            {
                StartTime = seed.Start,
                DurationSeconds = seed.Duration,
                LeadId = seed.LeadId,
                ConversationId = seed.ConversationId,
                RecordingSid = seed.RecordingSid,
                RecordingUrl = seed.RecordingUrl ?? (seed.RecordingSid is { } sid
                    ? $"{fixture.Twilio.BaseUrl.AbsoluteUri}2010-04-01/Accounts/{TwilioStubServer.AccountSid}/Recordings/{sid}"
                    : null),
                Transcript = seed.Voicemail,
                CreationTime = seed.Start,
            };
            db.CallLogs.Add(call);
            await db.SaveChangesAsync();
            return call.Id;
        });

    private Task AddLineAsync(TenantOwner owner, string number) =>
        fixture.Factory.InTenantAsync(owner.TenantId, async sp =>
        {
            var db = sp.GetRequiredService<SmbAgentDbContext>();
            var secrets = sp.GetRequiredService<PhoneLineSecrets>();
            db.PhoneLines.Add(new PhoneLine(Guid.CreateVersion7(), owner.TenantId, number, TwilioStubServer.AccountSid, secrets.Protect(TwilioStubServer.AuthToken)) { CreationTime = Noon });
            await db.SaveChangesAsync();
        });
}
