using Microsoft.AspNetCore.Mvc;
using SmbAgent.Conversations.Voice;
using SmbAgent.Tenancy;
using SmbAgent.Voice.PhoneLines;
using Twilio.TwiML;
using Say = Twilio.TwiML.Voice.Say;

namespace SmbAgent.HttpApi.Voice;

/// <summary>The call itself: Twilio's incoming-call webhook and each gather's result, answered in TwiML.</summary>
public static class CallEndpoints
{
    public static IEndpointRouteBuilder MapCallEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapTwilioWebhookGroup("/api/voice");
        group.MapPost("/incoming", Incoming).WithName("VoiceIncoming");
        group.MapPost("/gather", Gather).WithName("VoiceGather");
        return app;
    }

    /// <summary>A transfer's end, reported to the fallback webhook with <c>dial=1</c>: answered, or the caller leaves a message.</summary>
    public static async Task<IResult> DialEnded(HttpContext http, ICurrentTenant tenant, VoiceCallAppService calls, CancellationToken cancellationToken)
    {
        var webhook = http.GetTwilioWebhook();
        if (tenant.Id is null)
        {
            return TwimlResults.Of(NotInService(webhook.Line));
        }

        return TwimlResults.Of(await calls.DialEndedAsync(new DialEndedDto(webhook.CallSid, webhook.To, webhook["DialCallStatus"]), cancellationToken));
    }

    private static async Task<IResult> Incoming(HttpContext http, ICurrentTenant tenant, VoiceCallAppService calls, CancellationToken cancellationToken)
    {
        var webhook = http.GetTwilioWebhook();
        if (tenant.Id is null)
        {
            return TwimlResults.Of(NotInService(webhook.Line));
        }

        return TwimlResults.Of(await calls.IncomingAsync(new IncomingCallDto(webhook.CallSid, webhook.From, webhook.To), cancellationToken));
    }

    /// <param name="turn">The turn the caller's answer is, from 1: named by the gather that heard it.</param>
    /// <param name="silence">Set by the redirect after a gather that heard nothing: how many did in a row.</param>
    /// <param name="question">The lead question the gather asked, when one was.</param>
    private static async Task<IResult> Gather(
        HttpContext http, ICurrentTenant tenant, VoiceCallAppService calls, [FromQuery] int turn, [FromQuery] int? silence, [FromQuery] Guid? question, CancellationToken cancellationToken)
    {
        if (turn < 1 || silence is < 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad turn", detail: "A gather's turn counts from 1, and its silences from 0.");
        }

        var webhook = http.GetTwilioWebhook();
        if (tenant.Id is null)
        {
            return TwimlResults.Of(NotInService(webhook.Line));
        }

        var input = new CallGatherDto(webhook.CallSid, webhook.From, webhook.To, turn, silence ?? 0, webhook["SpeechResult"], webhook["Digits"], question);
        return TwimlResults.Of(await calls.GatherAsync(input, cancellationToken));
    }

    /// <summary>
    /// A number no business answers: unknown, or its business deactivated. The owner's phone still rings when the line
    /// has one; no agent, no conversation, no record (there is no business to keep it for).
    /// </summary>
    private static VoiceResponse NotInService(CalledLine? line)
    {
        var response = new VoiceResponse();
        if (line?.ForwardTo is { } forwardTo)
        {
            response.Append(new Say(CallTexts.For("en").NotServing, voice: line.SayVoice));
            response.Dial(number: forwardTo, timeout: CallResponses.DialTimeoutSeconds);
        }
        else
        {
            response.Append(new Say("The number you called is not in service. Goodbye.", voice: line?.SayVoice ?? global::SmbAgent.Voice.VoiceConsts.DefaultSayVoice));
        }

        response.Hangup();
        return response;
    }
}
