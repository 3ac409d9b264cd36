using System.Security.Cryptography;
using System.Text;

namespace SmbAgent.HttpApi.Voice.Simulator;

/// <summary>Signs a webhook as Twilio does (the SDK only checks): HMAC-SHA1 of the URL and the form's names and values in ordinal order, base64.</summary>
public static class TwilioRequestSigner
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350", Justification = "Twilio's signature is HMAC-SHA1; the simulator signs what Twilio signs.")]
    public static string Sign(string authToken, string url, IEnumerable<KeyValuePair<string, string>> form)
    {
        var data = new StringBuilder(url);
        foreach (var (name, value) in form.OrderBy(field => field.Key, StringComparer.Ordinal).ThenBy(field => field.Value, StringComparer.Ordinal))
        {
            data.Append(name).Append(value);
        }

        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
    }
}
