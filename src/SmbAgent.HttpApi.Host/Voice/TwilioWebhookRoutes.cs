using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Http.Metadata;
using SmbAgent.HttpApi.Hosting;

namespace SmbAgent.HttpApi.Voice;

/// <summary>
/// The conventions every Twilio webhook shares: form posts only, anonymous, no other credential read (the signature
/// is the credential), no antiforgery token (Twilio has none), no CORS (no browser calls them), the signature checked,
/// then the limits per number and per caller.
/// </summary>
public static class TwilioWebhookRoutes
{
    public const string FormContentType = "application/x-www-form-urlencoded";

    /// <param name="path">The group's prefix, <c>/api/voice</c>.</param>
    public static RouteGroupBuilder MapTwilioWebhookGroup(this IEndpointRouteBuilder app, string path)
    {
        var group = app.MapGroup(path)
            .WithTags("Twilio webhooks")
            // Twilio's callbacks, not our API: their form-only metadata has no request type for the OpenAPI document to describe.
            .ExcludeFromDescription()
            .AllowAnonymous()
            .WithoutCredentials()
            .DisableAntiforgery()
            .WithMetadata(new DisableCorsAttribute(), new FormOnly());
        group.AddEndpointFilter<TwilioSignatureFilter>();
        group.AddEndpointFilter(app.ServiceProvider.GetRequiredService<TwilioWebhookRateLimits>());
        return group;
    }

    /// <summary>Routing answers 415 to any other body before the endpoint (and its signature check) runs.</summary>
    private sealed class FormOnly : IAcceptsMetadata
    {
        public IReadOnlyList<string> ContentTypes { get; } = [FormContentType];

        public Type? RequestType => null;

        public bool IsOptional => false;
    }
}
