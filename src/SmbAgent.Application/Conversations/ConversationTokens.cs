using System.Security.Cryptography;
using System.Text;

namespace SmbAgent.Conversations;

/// <summary>
/// The widget's proof that a conversation is its own: 32 random bytes, given to the visitor once; only the SHA-256
/// is stored, so a database leak doesn't hand out live conversations.
/// </summary>
public static class ConversationTokens
{
    public static (string Token, string Hash) New()
    {
        var token = Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
