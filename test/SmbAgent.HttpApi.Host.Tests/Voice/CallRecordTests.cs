using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Conversations;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.Notifications;
using SmbAgent.Tenancy;
using SmbAgent.TestKit.Twilio;
using SmbAgent.Usage;
using SmbAgent.Voice;
using SmbAgent.Voice.Calls;

namespace SmbAgent.HttpApi.Tests.Voice;

/// <summary>A call's record through its webhooks: status callbacks applied once, voice minutes counted once, a voicemail made a lead.</summary>
public sealed class CallRecordTests(VoiceApiFixture fixture) : IClassFixture<VoiceApiFixture>
{
    private const string Caller = "+15557654321";

    [Fact]
    public async Task A_repeated_status_callback_is_ignored_and_the_minutes_are_counted_once()
    {
        var (business, webhooks, number) = await BusinessWithLineAsync(EditionMatrix.Pro);
        var callSid = TwilioSigner.NewSid("CA");

        (await PostStatusAsync(webhooks, callSid, number, CallStatuses.InProgress)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        for (var i = 0; i < 3; i++)
        {
            (await PostStatusAsync(webhooks, callSid, number, CallStatuses.Completed, durationSeconds: 125)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        (await PostStatusAsync(webhooks, callSid, number, CallStatuses.Ringing)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var (log, events, minutes) = await InBusinessAsync(business, async sp =>
        {
            var db = sp.GetRequiredService<ISmbAgentDbContext>();
            return (
                await db.CallLogs.SingleAsync(c => c.CallSid == callSid),
                await db.CallStatusEvents.Where(e => e.CallSid == callSid).Select(e => e.Status).OrderBy(s => s).ToListAsync(),
                await sp.GetRequiredService<UsageQuota>().GetThisMonthAsync(UsageMetrics.VoiceMinutes));
        });
        events.ShouldBe([CallStatuses.Completed, CallStatuses.InProgress, CallStatuses.Ringing]);
        log.Status.ShouldBe(CallStatuses.Completed);
        log.Direction.ShouldBe(CallDirection.Inbound);
        log.From.ShouldBe(Caller);
        log.To.ShouldBe(number);
        log.DurationSeconds.ShouldBe(125);
        log.StartTime.ShouldNotBeNull();
        log.EndTime.ShouldNotBeNull();
        log.MinutesCounted.ShouldBeTrue();
        minutes.ShouldBe(3);
    }

    [Fact]
    public async Task The_called_number_names_the_business_whatever_its_plan_and_only_pro_has_voice_minutes()
    {
        var (free, freeWebhooks, freeNumber) = await BusinessWithLineAsync(EditionMatrix.Free);
        var (pro, proWebhooks, proNumber) = await BusinessWithLineAsync(EditionMatrix.Pro);
        var (freeCall, proCall) = (TwilioSigner.NewSid("CA"), TwilioSigner.NewSid("CA"));

        (await PostStatusAsync(freeWebhooks, freeCall, freeNumber, CallStatuses.InProgress)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await PostStatusAsync(proWebhooks, proCall, proNumber, CallStatuses.InProgress)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        async Task<(List<string> Calls, bool Agent, long Minutes)> SeenByAsync(Guid tenantId) => await fixture.Api.Factory.Services.InTenantAsync(tenantId, async sp =>
        {
            var features = sp.GetRequiredService<IFeatureChecker>();
            return (
                await sp.GetRequiredService<ISmbAgentDbContext>().CallLogs.Select(c => c.CallSid).ToListAsync(),
                await features.IsEnabledAsync(SmbFeatures.Voice.Agent),
                await features.GetLimitAsync(SmbFeatures.Voice.MaxMinutesPerMonth));
        });
        var seenByFree = await SeenByAsync(free.TenantId);
        var seenByPro = await SeenByAsync(pro.TenantId);
        seenByFree.Calls.ShouldBe([freeCall]);
        seenByPro.Calls.ShouldBe([proCall]);
        (seenByFree.Agent, seenByFree.Minutes).ShouldBe((false, 0L));
        (seenByPro.Agent, seenByPro.Minutes).ShouldBe((true, 1000L));
    }

    [Fact]
    public async Task A_status_callback_for_a_number_no_business_has_records_nothing()
    {
        var webhooks = fixture.PlatformWebhooks();
        var callSid = TwilioSigner.NewSid("CA");

        (await PostStatusAsync(webhooks, callSid, TestPhoneLines.NewNumber(), CallStatuses.Completed, durationSeconds: 30)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var logs = await fixture.Api.Factory.Services.InTenantAsync(null, async sp =>
        {
            using (sp.GetRequiredService<IDataFilter>().Disable<IMultiTenant>())
            {
                return await sp.GetRequiredService<ISmbAgentDbContext>().CallLogs.CountAsync(c => c.CallSid == callSid);
            }
        });
        logs.ShouldBe(0);
    }

    [Fact]
    public async Task A_voicemail_becomes_one_lead_with_its_notification_and_its_transcript_when_it_comes()
    {
        var (business, webhooks, number) = await BusinessWithLineAsync(EditionMatrix.Pro);
        var callSid = TwilioSigner.NewSid("CA");
        var recordingSid = TwilioSigner.NewSid("RE");
        var recorded = webhooks.CallForm(callSid, Caller, number, CallStatuses.Completed);
        recorded["RecordingSid"] = recordingSid;
        recorded["RecordingUrl"] = $"https://api.twilio.com/2010-04-01/Accounts/{webhooks.AccountSid}/Recordings/{recordingSid}";
        recorded["RecordingDuration"] = "14";

        using var first = await webhooks.PostAsync("/api/voice/recording", recorded);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        XDocument.Parse(await first.Content.ReadAsStringAsync()).Root!.Elements().Select(e => e.Name.LocalName).ShouldBe(["Say", "Hangup"]);

        var transcribed = new Dictionary<string, string>(recorded) { ["TranscriptionText"] = "Hi, the water heater is leaking, please call me back.", ["TranscriptionStatus"] = "completed" };
        (await webhooks.PostAsync("/api/voice/recording", transcribed)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var (log, leads, deliveries) = await InBusinessAsync(business, async sp =>
        {
            var db = sp.GetRequiredService<ISmbAgentDbContext>();
            var leads = await db.Leads.AsNoTracking().ToListAsync();
            var ids = leads.Select(l => l.Id).ToList();
            return (
                await db.CallLogs.AsNoTracking().SingleAsync(c => c.CallSid == callSid),
                leads,
                await db.NotificationDeliveries.AsNoTracking().Where(d => d.LeadId != null && ids.Contains(d.LeadId.Value)).ToListAsync());
        });
        var lead = leads.ShouldHaveSingleItem();
        lead.Channel.ShouldBe(ConversationChannel.Voice);
        lead.Phone.ShouldBe(Caller);
        lead.Notes.ShouldBe("Hi, the water heater is leaking, please call me back.");
        log.LeadId.ShouldBe(lead.Id);
        log.ConversationId.ShouldBe(lead.ConversationId);
        log.RecordingSid.ShouldBe(recordingSid);
        log.RecordingUrl.ShouldBe(recorded["RecordingUrl"]);
        log.Transcript.ShouldBe(lead.Notes);
        deliveries.ShouldContain(d => d.Kind == NotificationKind.NewLead && d.Channel == NotificationChannel.Email);
        deliveries.Count(d => d.Kind == NotificationKind.NewLead && d.Channel == NotificationChannel.Email).ShouldBe(1);
    }

    [Fact]
    public async Task A_voicemail_without_a_transcript_says_so_and_a_withheld_number_is_not_a_phone()
    {
        var (business, webhooks, number) = await BusinessWithLineAsync(EditionMatrix.Pro);
        var callSid = TwilioSigner.NewSid("CA");
        var form = webhooks.CallForm(callSid, "anonymous", number, CallStatuses.Completed);
        form["RecordingSid"] = TwilioSigner.NewSid("RE");
        form["RecordingUrl"] = "https://api.twilio.com/recording";

        (await webhooks.PostAsync("/api/voice/recording", form)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var lead = await InBusinessAsync(business, sp => sp.GetRequiredService<ISmbAgentDbContext>().Leads.AsNoTracking().SingleAsync());
        lead.Notes.ShouldBe(VoicemailManager.NoTranscript);
        lead.Phone.ShouldBeNull();
    }

    private async Task<(TenantOwner Business, TwilioWebhookClient Webhooks, string Number)> BusinessWithLineAsync(string edition)
    {
        var business = await fixture.Api.CreateTenantAsync(edition);
        var (sid, token) = (TwilioSigner.NewSid("AC"), "token-" + Guid.NewGuid().ToString("N"));
        var number = TestPhoneLines.NewNumber();
        await TestPhoneLines.AddAsync(fixture.Api.Factory.Services, business.TenantId, number, sid, token);
        return (business, fixture.WebhooksOf(sid, token), number);
    }

    private static Task<HttpResponseMessage> PostStatusAsync(TwilioWebhookClient webhooks, string callSid, string to, string status, int? durationSeconds = null)
    {
        var form = webhooks.CallForm(callSid, Caller, to, status);
        form["Timestamp"] = DateTimeOffset.UtcNow.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        if (durationSeconds is { } seconds)
        {
            form["CallDuration"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return webhooks.PostAsync("/api/voice/status", form);
    }

    private Task<T> InBusinessAsync<T>(TenantOwner business, Func<IServiceProvider, Task<T>> action) =>
        fixture.Api.Factory.Services.InTenantAsync(business.TenantId, action);
}
