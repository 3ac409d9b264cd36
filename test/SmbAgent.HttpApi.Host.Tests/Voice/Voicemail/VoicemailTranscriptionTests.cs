using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.Leads;
using SmbAgent.Notifications;
using SmbAgent.TestKit.Stubs;
using SmbAgent.TestKit.Twilio;
using SmbAgent.Voice;
using SmbAgent.Voice.Calls;
using SmbAgent.Voice.Speech;

namespace SmbAgent.HttpApi.Tests.Voice.Voicemail;

/// <summary>
/// A voicemail with OpenAI configured: the recording webhook answers at once, a job downloads the recording from the
/// Twilio stub with the line's credentials and has the OpenAI stub transcribe it, and the lead carries that text;
/// when OpenAI keeps failing, Twilio's transcript.
/// </summary>
public sealed class VoicemailTranscriptionTests(VoicemailTranscriptionFixture fixture) : IClassFixture<VoicemailTranscriptionFixture>
{
    private const string Caller = "+15557654321";

    [Fact]
    public async Task A_voicemail_becomes_a_lead_carrying_openais_transcript_of_the_recording_twilio_served()
    {
        var voicemail = await VoicemailAsync();
        fixture.OpenAi.TranscriptionText = "Hi, it's Maria. The boiler is making a banging noise, please call me back.";

        using var response = await fixture.Webhooks().PostAsync("/api/voice/recording", voicemail.Form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Elements().Select(e => e.Name.LocalName).ShouldBe(["Say", "Hangup"]);
        var (lead, log, deliveries) = await LeadOfAsync(voicemail);
        lead.Notes.ShouldBe("Hi, it's Maria. The boiler is making a banging noise, please call me back.");
        lead.Phone.ShouldBe(Caller);
        log.Transcript.ShouldBe(lead.Notes);
        log.LeadId.ShouldBe(lead.Id);
        deliveries.Count(d => d.Kind == NotificationKind.NewLead && d.Channel == NotificationChannel.Email).ShouldBe(1);

        var sent = TranscriptionsOf(voicemail).ShouldHaveSingleItem();
        sent.Model.ShouldBe(SpeechOptions.DefaultTranscriptionModel);
        sent.Authorization.ShouldBe("Bearer sk-test-key");
        var recordingRequest = fixture.Voice.Twilio.Requests.Where(r => r.Path.Contains(voicemail.RecordingSid, StringComparison.Ordinal)).ShouldHaveSingleItem();
        recordingRequest.Authorization.ShouldStartWith("Basic ");
    }

    [Fact]
    public async Task When_openai_keeps_failing_the_lead_carries_twilios_transcript_after_the_configured_tries()
    {
        var voicemail = await VoicemailAsync();
        fixture.OpenAi.TranscriptionFailureStatus = 500;
        try
        {
            (await fixture.Webhooks().PostAsync("/api/voice/recording", voicemail.Form)).StatusCode.ShouldBe(HttpStatusCode.OK);
            var transcribed = new Dictionary<string, string>(voicemail.Form, StringComparer.Ordinal)
            {
                ["TranscriptionText"] = "The water heater is leaking, call me.",
                ["TranscriptionStatus"] = "completed",
            };
            (await fixture.Webhooks().PostAsync("/api/voice/recording", transcribed)).StatusCode.ShouldBe(HttpStatusCode.OK);

            var (lead, log, _) = await LeadOfAsync(voicemail);
            lead.Notes.ShouldBe("The water heater is leaking, call me.");
            log.Transcript.ShouldBe("The water heater is leaking, call me.");
            TranscriptionsOf(voicemail).Count.ShouldBe(VoicemailTranscriptionFixture.Attempts);
        }
        finally
        {
            fixture.OpenAi.TranscriptionFailureStatus = null;
        }
    }

    [Fact]
    public async Task A_recording_callback_posted_twice_makes_one_transcription_and_one_lead()
    {
        var voicemail = await VoicemailAsync();
        var webhooks = fixture.Webhooks();

        var posts = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => webhooks.PostAsync("/api/voice/recording", voicemail.Form)));
        posts.ShouldAllBe(p => p.StatusCode == HttpStatusCode.OK);
        (await webhooks.PostAsync("/api/voice/recording", voicemail.Form)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await LeadOfAsync(voicemail);
        var leads = await fixture.Voice.Api.Factory.Services.InTenantAsync(voicemail.TenantId, sp =>
            sp.GetRequiredService<ISmbAgentDbContext>().Leads.AsNoTracking().CountAsync());
        leads.ShouldBe(1);
        TranscriptionsOf(voicemail).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_recording_twilio_does_not_serve_still_becomes_a_lead_with_no_transcript()
    {
        var voicemail = await VoicemailAsync(served: false);

        (await fixture.Webhooks().PostAsync("/api/voice/recording", voicemail.Form)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var (lead, _, _) = await LeadOfAsync(voicemail);
        lead.Notes.ShouldBe(VoicemailManager.NoTranscript);
        TranscriptionsOf(voicemail).ShouldBeEmpty();
    }

    /// <summary>A PRO business with a line on the stub's account, and a recording of its own bytes kept on the stub.</summary>
    private async Task<Voicemail> VoicemailAsync(bool served = true)
    {
        var business = await fixture.Voice.Api.CreateTenantAsync(EditionMatrix.Pro);
        var number = TestPhoneLines.NewNumber();
        await TestPhoneLines.AddAsync(fixture.Voice.Api.Factory.Services, business.TenantId, number, TwilioStubServer.AccountSid, TwilioStubServer.AuthToken);
        var callSid = TwilioSigner.NewSid("CA");
        var recordingSid = TwilioSigner.NewSid("RE");
        byte[] audio = [0xFF, 0xF3, 0x44, 0xC4, .. Guid.NewGuid().ToByteArray()];
        if (served)
        {
            fixture.Voice.Twilio.AddRecording(recordingSid, audio);
        }

        var form = fixture.Webhooks().CallForm(callSid, Caller, number, "completed");
        form["RecordingSid"] = recordingSid;
        form["RecordingUrl"] = new Uri(fixture.Voice.Twilio.BaseUrl, $"/2010-04-01/Accounts/{TwilioStubServer.AccountSid}/Recordings/{recordingSid}").AbsoluteUri;
        form["RecordingDuration"] = "9";
        return new Voicemail(business.TenantId, callSid, recordingSid, audio, form);
    }

    private List<TranscriptionCall> TranscriptionsOf(Voicemail voicemail) =>
        [.. fixture.OpenAi.TranscriptionCalls.Where(c => c.Audio.AsSpan().SequenceEqual(voicemail.Audio))];

    /// <summary>Polls until the call has its lead (the job makes it), or fails after 30 seconds.</summary>
    private async Task<(Lead Lead, CallLog Log, List<NotificationDelivery> Deliveries)> LeadOfAsync(Voicemail voicemail)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            var found = await fixture.Voice.Api.Factory.Services.InTenantAsync(voicemail.TenantId, async sp =>
            {
                var db = sp.GetRequiredService<ISmbAgentDbContext>();
                var log = await db.CallLogs.AsNoTracking().SingleOrDefaultAsync(c => c.CallSid == voicemail.CallSid);
                if (log?.LeadId is not { } leadId)
                {
                    return default((Lead, CallLog, List<NotificationDelivery>)?);
                }

                return (
                    await db.Leads.AsNoTracking().SingleAsync(l => l.Id == leadId),
                    log,
                    await db.NotificationDeliveries.AsNoTracking().Where(d => d.LeadId == leadId).ToListAsync());
            });
            if (found is { } result)
            {
                return result;
            }

            DateTimeOffset.UtcNow.ShouldBeLessThan(deadline, "the voicemail never became a lead");
            await Task.Delay(100);
        }
    }

    private sealed record Voicemail(Guid TenantId, string CallSid, string RecordingSid, byte[] Audio, Dictionary<string, string> Form);
}
