using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using SmbAgent.PublicUrls;

namespace SmbAgent.Voice.Speech;

/// <summary>
/// The <c>&lt;Play&gt;</c> URL of a sentence's audio: <c>/api/voice/audio/{token}</c> on the API host, the token being
/// the tenant and the hash under a time-limited Data Protection protector (base64url). Unguessable and tamper-proof,
/// valid for <see cref="SpeechOptions.UrlLifetime"/> however often Twilio fetches it, and naming a row, never a path.
/// </summary>
public sealed class SpeechAudioUrls(IDataProtectionProvider provider, IOptions<PublicUrlOptions> publicUrls, IOptions<SpeechOptions> options)
{
    public const string Purpose = "SmbAgent.Voice.Audio";

    public const string RoutePrefix = "/api/voice/audio";

    private const int HashBytes = 32;

    private const int GuidBytes = 16;

    // Far beyond any token this class makes; a longer one is refused before it is decoded.
    private const int MaxTokenLength = 1000;

    private readonly ITimeLimitedDataProtector protector = provider.CreateProtector(Purpose).ToTimeLimitedDataProtector();

    public Uri Create(Guid tenantId, string hash)
    {
        var payload = new byte[GuidBytes + HashBytes];
        tenantId.TryWriteBytes(payload);
        Convert.FromHexString(hash).CopyTo(payload, GuidBytes);
        // The protector checks the expiry against the system clock, so it is set by that clock too.
        var token = WebEncoders.Base64UrlEncode(protector.Protect(payload, DateTimeOffset.UtcNow + options.Value.UrlLifetime));
        return new Uri($"{publicUrls.Value.Api.AbsoluteUri.TrimEnd('/')}{RoutePrefix}/{token}");
    }

    /// <summary>The audio a token names while it is valid; null for an expired, tampered or malformed one.</summary>
    public SpeechAudioKey? Read(string token)
    {
        if (token.Length > MaxTokenLength)
        {
            return null;
        }

        try
        {
            var payload = protector.Unprotect(WebEncoders.Base64UrlDecode(token), out var expiration);
            return payload.Length == GuidBytes + HashBytes
                ? new SpeechAudioKey(new Guid(payload.AsSpan(0, GuidBytes)), Convert.ToHexStringLower(payload.AsSpan(GuidBytes)), expiration)
                : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }
}

public sealed record SpeechAudioKey(Guid TenantId, string Hash, DateTimeOffset Expiration);
