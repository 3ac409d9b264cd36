using System.Security.Cryptography;
using System.Text;

namespace SmbAgent.Voice.Speech;

/// <summary>What names a synthesised sentence in the cache: SHA-256 (lowercase hex) of model, voice and text.</summary>
public static class SpeechHashes
{
    public static string Of(string text, string voice, string model) =>
        // Separated by a character none of them holds, so no two different triples hash alike.
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{model}\0{voice}\0{text}")));
}
