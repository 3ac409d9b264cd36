using System.Globalization;
using SmbAgent.Conversations.Voice;
using SmbAgent.Tenancy;
using SmbAgent.Voice;
using SmbAgent.Voice.Calls;
using Twilio.TwiML;
using Twilio.TwiML.Voice;

namespace SmbAgent.HttpApi.Voice;

/// <summary>The webhooks that keep a call's record: its status callbacks, its recording, and Twilio's fallback.</summary>
public static class CallRecordEndpoints
{
    /// <summary>How long a forwarded caller rings the owner before the call ends.</summary>
    private const int ForwardRingSeconds = 25;

    public static IEndpointRouteBuilder MapCallRecordEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapTwilioWebhookGroup("/api/voice");
        group.MapPost("/status", StatusAsync).WithName("VoiceStatus");
        group.MapPost("/recording", RecordingAsync).WithName("VoiceRecording");
        // A transfer's end comes here too (dial=1), so a call's every route stays among the fixed webhook addresses.
        group.MapPost("/fallback", async (HttpContext http, ICurrentTenant tenant, VoiceCallAppService calls, CancellationToken cancellationToken) =>
            http.Request.Query["dial"] == "1" ? await CallEndpoints.DialEnded(http, tenant, calls, cancellationToken) : Fallback(http)).WithName("VoiceFallback");
        return app;
    }

    /// <summary>
    /// Twilio's status callback. Always a 204 once the signature holds: a repeat, an unknown status or a call to a
    /// number no business here takes has nothing to apply, and an error would only make Twilio retry.
    /// </summary>
    private static async Task<IResult> StatusAsync(HttpContext http, ICurrentTenant tenant, CallLogManager calls)
    {
        var webhook = http.GetTwilioWebhook();
        if (tenant.Id is not null && IsCallSid(webhook.CallSid))
        {
            await calls.ApplyStatusAsync(
                new CallStatusUpdate(webhook.CallSid, webhook.From, webhook.To, webhook["CallStatus"] ?? string.Empty, Seconds(webhook["CallDuration"]), Timestamp(webhook["Timestamp"])),
                http.RequestAborted);
        }

        return TypedResults.NoContent();
    }

    /// <summary>
    /// The end of a <c>&lt;Record&gt;</c> (and its transcription callback): the recording is kept with the call, a voicemail
    /// becomes a lead (at once, or once OpenAI transcribed it, in the background), and the caller hears goodbye.
    /// </summary>
    private static async Task<IResult> RecordingAsync(HttpContext http, ICurrentTenant tenant, VoicemailManager voicemails, CallRecordingSource recordings)
    {
        var webhook = http.GetTwilioWebhook();
        if (tenant.Id is not null && IsCallSid(webhook.CallSid))
        {
            await voicemails.ApplyAsync(
                new CallRecording(
                    webhook.CallSid,
                    webhook.From,
                    webhook.To,
                    webhook["RecordingSid"] is { Length: VoiceConsts.CallSidLength } recordingSid ? recordingSid : null,
                    Uri.TryCreate(webhook["RecordingUrl"], UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || recordings.IsTwilioHost(url)) && url.AbsoluteUri.Length <= VoiceConsts.MaxUrlLength ? url : null,
                    Seconds(webhook["RecordingDuration"]),
                    webhook["TranscriptionText"]),
                http.RequestAborted);
        }

        var response = new VoiceResponse();
        response.Say("Thank you. Your message has been passed on. Goodbye.", voice: VoiceOf(webhook));
        response.Hangup();
        return TwimlResults.Of(response);
    }

    /// <summary>
    /// Twilio calls this when our webhook failed or timed out. It reads nothing but the verified request, so it can't
    /// fail the same way: an apology, then the owner's phone when the line has one, else goodbye.
    /// </summary>
    private static IResult Fallback(HttpContext http)
    {
        var webhook = http.GetTwilioWebhook();
        var response = new VoiceResponse();
        if (webhook.Line?.ForwardTo is { } forwardTo)
        {
            response.Say("Sorry, something went wrong on our side. Connecting you with the team now.", voice: VoiceOf(webhook));
            response.Dial(number: forwardTo, timeout: ForwardRingSeconds);
        }
        else
        {
            response.Say("Sorry, something went wrong on our side, and we can't take your call right now. Please call again later. Goodbye.", voice: VoiceOf(webhook));
        }

        response.Hangup();
        return TwimlResults.Of(response);
    }

    private static Say.VoiceEnum VoiceOf(TwilioWebhook webhook) => webhook.Line?.SayVoice ?? VoiceConsts.DefaultSayVoice;

    private static bool IsCallSid(string sid) => sid.Length == VoiceConsts.CallSidLength && sid.StartsWith("CA", StringComparison.Ordinal);

    private static int? Seconds(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? seconds : null;

    /// <summary>Twilio writes it as RFC 1123 (<c>Mon, 07 Dec 2026 15:20:00 +0000</c>).</summary>
    private static DateTimeOffset? Timestamp(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
}
