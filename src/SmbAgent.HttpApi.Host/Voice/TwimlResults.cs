using Twilio.TwiML;

namespace SmbAgent.HttpApi.Voice;

/// <summary>TwiML answers, serialised by the SDK, which escapes every text it holds.</summary>
public static class TwimlResults
{
    public const string ContentType = "application/xml";

    public static IResult Of(VoiceResponse response) => Of(response.ToString());

    /// <summary>TwiML the SDK wrote before: a call's answer kept for another instance or a retried webhook.</summary>
    public static IResult Of(string twiml) => TypedResults.Text(twiml, ContentType);

    /// <summary>Nothing more to do on the call: what a status callback or a repeat gets.</summary>
    public static IResult Empty() => Of(new VoiceResponse());
}
