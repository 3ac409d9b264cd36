using System.Security.Cryptography;
using System.Text;

namespace SmbAgent.TestKit.Twilio;

/// <summary>
/// Signs a webhook as Twilio does (the SDK only checks): HMAC-SHA1, keyed by the account's auth token, over the full
/// URL followed by every form field's name and value, in the ordinal order of the names; base64.
/// </summary>
public static class TwilioSigner
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350", Justification = "Twilio's signature is HMAC-SHA1; a test signs what Twilio signs.")]
    public static string Sign(string authToken, string url, IEnumerable<KeyValuePair<string, string>> form)
    {
        var data = new StringBuilder(url);
        foreach (var (name, value) in form.OrderBy(field => field.Key, StringComparer.Ordinal).ThenBy(field => field.Value, StringComparer.Ordinal))
        {
            data.Append(name).Append(value);
        }

        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
    }

    /// <summary>A made-up Twilio id: the prefix (<c>CA</c>, <c>RE</c>…) and 32 hex digits.</summary>
    public static string NewSid(string prefix) => $"{prefix}{Guid.NewGuid():N}";
}
