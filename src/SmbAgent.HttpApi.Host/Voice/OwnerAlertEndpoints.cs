using SmbAgent.Notifications.EmergencyAlerts;

namespace SmbAgent.HttpApi.Voice;

/// <summary>
/// The emergency owner call's webhooks, in the Twilio group (its signature filter has passed before these run). The
/// business is the one the <c>a</c> token in the URL was protected for; the form only says what the owner pressed
/// and how the call went.
/// </summary>
public static class OwnerAlertEndpoints
{
    public static IEndpointRouteBuilder MapOwnerAlertWebhooks(this IEndpointRouteBuilder voice)
    {
        voice.MapPost("/owner-alert/answer", async (string? a, OwnerAlertCallbackAppService alerts, CancellationToken ct) =>
            Twiml(await alerts.AnswerAsync(a, ct)));
        voice.MapPost("/owner-alert/choice", async (string? a, string? again, HttpRequest request, OwnerAlertCallbackAppService alerts, CancellationToken ct) =>
        {
            var form = await request.ReadFormAsync(ct);
            return Twiml(await alerts.ChoiceAsync(a, form["Digits"].ToString(), again == "1", ct));
        });
        voice.MapPost("/owner-alert/status", async (string? a, HttpRequest request, OwnerAlertCallbackAppService alerts, CancellationToken ct) =>
        {
            var form = await request.ReadFormAsync(ct);
            return await alerts.StatusAsync(a, form["CallStatus"].ToString(), ct) ? Results.NoContent() : Results.NotFound();
        });
        return voice;
    }

    private static IResult Twiml(string? twiml) => twiml is null ? Results.NotFound() : Results.Content(twiml, "application/xml");
}
