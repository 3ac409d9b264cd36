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
        group.MapPost("/fallback", Fallback).WithName("VoiceFallback");
        return app;
    }

    /// <summary>
    /// Twilio calls this when our webhook failed or timed out. It reads nothing but the verified request, so it can't
    /// fail the same way: an apology, then the owner's phone when the line has one, else goodbye.
    /// </summary>
    private static IResult Fallback(HttpContext http)
    {
        var line = http.GetTwilioWebhook().Line;
        var response = new VoiceResponse();
        Say.VoiceEnum voice = line?.SayVoice ?? global::SmbAgent.Voice.VoiceConsts.DefaultSayVoice;
        if (line?.ForwardTo is { } forwardTo)
        {
            response.Say("Sorry, something went wrong on our side. Connecting you with the team now.", voice: voice);
            response.Dial(number: forwardTo, timeout: ForwardRingSeconds);
        }
        else
        {
            response.Say("Sorry, something went wrong on our side, and we can't take your call right now. Please call again later. Goodbye.", voice: voice);
        }

        response.Hangup();
        return TwimlResults.Of(response);
    }
}
