using System.Globalization;
using SmbAgent.HttpApi.Hosting;
using SmbAgent.Tenancy;
using SmbAgent.Voice.Speech;

namespace SmbAgent.HttpApi.Voice;

/// <summary>
/// Serves synthesised speech to Twilio's <c>&lt;Play&gt;</c>: plain GETs with no signature, so not under the webhooks'
/// signature filter. The token alone names the business and the sentence (<see cref="SpeechAudioUrls"/>); nothing in
/// the request is resolved to a tenant, and nothing but a <c>speech_audio</c> row can be read.
/// </summary>
public static class VoiceAudioEndpoints
{
    public static void MapVoiceAudioEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(SpeechAudioUrls.RoutePrefix + "/{token}", async (
                    string token, HttpContext http, SpeechAudioUrls urls, ICurrentTenant currentTenant, SpeechAudioStore store, TimeProvider clock, CancellationToken ct) =>
                {
                    if (urls.Read(token) is not { } key)
                    {
                        return Results.NotFound();
                    }

                    using (currentTenant.Change(key.TenantId))
                    {
                        if (await store.FindAsync(key.Hash, ct) is not { } audio)
                        {
                            return Results.NotFound();
                        }

                        // Only as long as the URL is valid, and only for the one who fetched it (Twilio).
                        var maxAge = Math.Max(0, (int)(key.Expiration - clock.GetUtcNow()).TotalSeconds);
                        http.Response.Headers.CacheControl = string.Create(CultureInfo.InvariantCulture, $"private, max-age={maxAge}");
                        return Results.File(audio.Content, audio.ContentType);
                    }
                })
            .WithoutCredentials()
            .ExcludeFromDescription()
            .WithName("GetVoiceAudio");
    }
}
