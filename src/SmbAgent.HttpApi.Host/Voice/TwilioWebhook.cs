using SmbAgent.Voice.PhoneLines;

namespace SmbAgent.HttpApi.Voice;

/// <summary>
/// A webhook whose signature was verified: the form as Twilio posted it and the account that signed it. Set by
/// <see cref="TwilioSignatureFilter"/> before any handler of the group runs; a handler reads it with
/// <see cref="TwilioWebhookHttpContextExtensions.GetTwilioWebhook"/>.
/// </summary>
/// <param name="Line">The line the called number named (inbound webhooks), or the current business's line on the signing account; null for the platform's own calls to an unknown number.</param>
/// <param name="SignedByPlatform">Signed with the platform's account (the demo line, owner alerts) rather than a business's own.</param>
public sealed record TwilioWebhook(IFormCollection Form, string AccountSid, CalledLine? Line, bool SignedByPlatform)
{
    public string CallSid => Form["CallSid"].ToString();

    /// <summary>E.164, or <c>anonymous</c> for a withheld number.</summary>
    public string From => Form["From"].ToString();

    public string To => Form["To"].ToString();

    public string? this[string field] => Form.TryGetValue(field, out var value) ? value.ToString() : null;
}

public static class TwilioWebhookHttpContextExtensions
{
    /// <summary>The verified webhook; only inside <see cref="TwilioWebhookRoutes.MapTwilioWebhookGroup"/>'s group.</summary>
    public static TwilioWebhook GetTwilioWebhook(this HttpContext httpContext) =>
        httpContext.Features.Get<TwilioWebhook>()
        ?? throw new InvalidOperationException("Only a route of the Twilio webhook group has a verified webhook.");
}
