using SmbAgent.Notifications.EmergencyAlerts;

namespace SmbAgent.HttpApi.Voice;

/// <summary>
/// The emergency owner call's webhooks, in the Twilio group (its signature filter has passed before these run). The
/// business is the one the <c>a</c> token in the URL was protected for; the form only says what the owner pressed
/// and how the call went.
/// </summary>
public static class OwnerAlertEndpoints
{
    public static void MapOwnerAlertWebhooks(this IEndpointRouteBuilder app)
    {
        var voice = app.MapTwilioWebhookGroup("/api/voice");
        voice.MapPost("/owner-alert/answer", async (string? a, OwnerAlertCallbackAppService alerts, CancellationToken ct) =>
            Twiml(await alerts.AnswerAsync(a, ct)));
        voice.MapPost("/owner-alert/choice", async (string? a, string? again, HttpContext http, OwnerAlertCallbackAppService alerts, CancellationToken ct) =>
            Twiml(await alerts.ChoiceAsync(a, http.GetTwilioWebhook()["Digits"], again == "1", ct)));
        voice.MapPost("/owner-alert/status", async (string? a, HttpContext http, OwnerAlertCallbackAppService alerts, CancellationToken ct) =>
            await alerts.StatusAsync(a, http.GetTwilioWebhook()["CallStatus"], ct) ? TwimlResults.Empty() : Results.NotFound());
    }

    private static IResult Twiml(string? twiml) => twiml is null ? Results.NotFound() : TypedResults.Text(twiml, TwimlResults.ContentType);
}
