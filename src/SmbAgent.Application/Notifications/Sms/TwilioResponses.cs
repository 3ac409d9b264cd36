using System.Text.Json.Serialization;

namespace SmbAgent.Notifications.Sms;

/// <summary>The fields read from Twilio's Message resource (the 201 answer).</summary>
internal sealed record TwilioMessageResource(
    [property: JsonPropertyName("sid")] string? Sid,
    [property: JsonPropertyName("status")] string? Status);

/// <summary>Twilio's error body: <c>{"code": 21211, "message": "…", "more_info": "https://www.twilio.com/docs/errors/21211", "status": 400}</c>.</summary>
internal sealed record TwilioError(
    [property: JsonPropertyName("code")] int? Code,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("more_info")] string? MoreInfo,
    [property: JsonPropertyName("status")] int? Status);
