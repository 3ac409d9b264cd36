using System.Security.Cryptography;
using System.Text;

namespace SmbAgent.Webhooks;

/// <summary>
/// The signature receivers check (documented in the README): <c>v1=</c> and the lowercase hex HMAC-SHA256, keyed with
/// the UTF-8 bytes of the subscription's secret, of <c>{id}.{timestamp}.{body}</c>.
/// </summary>
public static class WebhookSignature
{
    public const string IdHeader = "SmbAgent-Webhook-Id";
    public const string TimestampHeader = "SmbAgent-Webhook-Timestamp";
    public const string SignatureHeader = "SmbAgent-Signature";
    public const string Version = "v1";

    public static string Compute(string secret, string id, long timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));
        return $"{Version}={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>A new secret: 32 random bytes, URL-safe, with a prefix that says what it is when it turns up in a config file.</summary>
    public static string NewSecret() =>
        "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
