using System.Globalization;
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
        group.MapPost("/wait", Wait).WithName("VoiceWait");
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

    /// <summary>
    /// A gather's result. Its query (<c>turn</c> from 1, <c>silence</c> after a gather that heard nothing,
    /// <c>question</c> the lead question asked) is read here, after the signature check, so an unsigned request is a
    /// 403 whatever its query says.
    /// </summary>
    private static async Task<IResult> Gather(HttpContext http, ICurrentTenant tenant, VoiceCallAppService calls, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        if (!int.TryParse(query["turn"], NumberStyles.None, CultureInfo.InvariantCulture, out var turn) || turn < 1
            || !TryOptional(query["silence"], out var silence)
            || (query["question"].Count > 0 && !Guid.TryParse(query["question"], CultureInfo.InvariantCulture, out _)))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Bad gather",
                detail: "A gather's turn counts from 1, its silences from 0, and its question is a lead question's id.");
        }

        var webhook = http.GetTwilioWebhook();
        if (tenant.Id is null)
        {
            return TwimlResults.Of(NotInService(webhook.Line));
        }

        Guid? question = Guid.TryParse(query["question"], CultureInfo.InvariantCulture, out var asked) ? asked : null;
        var input = new CallGatherDto(webhook.CallSid, webhook.From, webhook.To, turn, silence, webhook["SpeechResult"], webhook["Digits"], question);
        return TwimlResults.Of(await calls.GatherAsync(input, cancellationToken));
    }

    /// <summary>
    /// Twilio sent back after a filler, while a turn runs on (<c>turn</c> from 1, <c>wait</c> from 1, <c>question</c> the
    /// lead question asked); read, like the gather's, after the signature check.
    /// </summary>
    private static async Task<IResult> Wait(HttpContext http, ICurrentTenant tenant, VoiceCallAppService calls, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        if (!int.TryParse(query["turn"], NumberStyles.None, CultureInfo.InvariantCulture, out var turn) || turn < 1
            || !int.TryParse(query["wait"], NumberStyles.None, CultureInfo.InvariantCulture, out var wait) || wait < 1
            || (query["question"].Count > 0 && !Guid.TryParse(query["question"], CultureInfo.InvariantCulture, out _)))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Bad wait",
                detail: "A wait's turn and its count both start at 1, and its question is a lead question's id.");
        }

        var webhook = http.GetTwilioWebhook();
        if (tenant.Id is null)
        {
            return TwimlResults.Of(NotInService(webhook.Line));
        }

        Guid? question = Guid.TryParse(query["question"], CultureInfo.InvariantCulture, out var asked) ? asked : null;
        return TwimlResults.Of(await calls.WaitAsync(new CallWaitDto(webhook.CallSid, webhook.To, turn, wait, question), cancellationToken));
    }

    private static bool TryOptional(string? value, out int number)
    {
        number = 0;
        return value is null || int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out number);
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
