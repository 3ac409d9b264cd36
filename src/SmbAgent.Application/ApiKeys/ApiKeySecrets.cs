using System.Security.Cryptography;
using System.Text;

namespace SmbAgent.ApiKeys;

/// <summary>
/// The key's shape: <c>sk_live_</c>, eight characters of prefix (public, shown in the list), an underscore, then 32
/// random bytes in base64url. 256 bits of secret make guessing hopeless, so a fast hash is enough to store it.
/// </summary>
public static class ApiKeySecrets
{
    public const string Marker = "sk_live_";

    public const int PrefixRandomLength = 8;

    public const int PrefixLength = 16;

    /// <summary>Longer than any key we make, so an oversized header is refused before it is hashed.</summary>
    public const int MaxKeyLength = 100;

    private const string PrefixAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static (string Prefix, string Key) Generate()
    {
        var prefix = Marker + RandomNumberGenerator.GetString(PrefixAlphabet, PrefixRandomLength);
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (prefix, $"{prefix}_{secret}");
    }

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>The prefix of something that looks like one of our keys; null for anything else.</summary>
    public static string? PrefixOf(string? key) =>
        key is { Length: > PrefixLength + 1 and <= MaxKeyLength } && key.StartsWith(Marker, StringComparison.Ordinal) && key[PrefixLength] == '_'
            ? key[..PrefixLength]
            : null;

    public static bool Matches(string key, byte[] storedHash) => CryptographicOperations.FixedTimeEquals(Hash(key), storedHash);
}
