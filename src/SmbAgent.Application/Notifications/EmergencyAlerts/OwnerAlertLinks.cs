using Microsoft.Extensions.Options;
using SmbAgent.PublicUrls;

namespace SmbAgent.Notifications.EmergencyAlerts;

/// <summary>
/// The alert call's webhook addresses, absolute from the API's public address: Twilio signs the URL it was given, and
/// the signature check rebuilds it from the same public address, never from the request's own host.
/// </summary>
public sealed class OwnerAlertLinks(IOptions<PublicUrlOptions> options)
{
    public const string ChoicePath = "/api/voice/owner-alert/choice";

    public const string StatusPath = "/api/voice/owner-alert/status";

    public const string AnswerPath = "/api/voice/owner-alert/answer";

    public Uri Choice(string token, bool again = false) => To(ChoicePath, token, again ? "&again=1" : string.Empty);

    public Uri Status(string token) => To(StatusPath, token, string.Empty);

    public Uri Answer(string token) => To(AnswerPath, token, string.Empty);

    private Uri To(string path, string token, string more) =>
        new(options.Value.Api, $"{path}?a={Uri.EscapeDataString(token)}{more}");
}
