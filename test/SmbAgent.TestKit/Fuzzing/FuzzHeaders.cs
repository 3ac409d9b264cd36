using CsCheck;

namespace SmbAgent.TestKit.Fuzzing;

/// <summary>Header values a client or a hostile proxy may send: injected line breaks, odd hosts and forwarding, huge values.</summary>
public static class FuzzHeaders
{
    public static readonly Gen<string> ContentType = Gen.Frequency(
        (12, Gen.Const("application/json")),
        (1, Gen.OneOf("application/json; charset=utf-8", "application/json; charset=utf-16", "application/json; charset=nonsense",
            "application/problem+json", "text/json", "application/*", "text/plain", "text/html", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=x", "application/octet-stream",
            "", ";", "a/b/c;;;=", "application/json\r\nX-Injected: 1", "application/json; boundary=\u0000", "\u00e9/\u00e9")),
        (1, FuzzText.Any.Select(v => "application/" + v)));

    private static readonly Gen<string> Value = Gen.Frequency(
        (3, FuzzText.Plain),
        (2, FuzzText.Hostile),
        (2, FuzzText.WithBadChars),
        (1, FuzzText.AnyUnicode),
        // Long, up to what Kestrel lets through (32 KB of headers in all); the test server has no such limit.
        (1, Gen.Int[4_000, 30_000].Select(n => new string('h', n))));

    // One Host at most: a client sends one (Kestrel refuses a second before the app), the test server would join them.
    private static readonly Gen<KeyValuePair<string, string>[]> Host = Gen.Frequency(
        (6, Gen.Const(Array.Empty<KeyValuePair<string, string>>())),
        (1, Gen.Select(Gen.OneOf("Host", "X-Forwarded-Host"), Gen.OneOf("evil.example", "localhost:99999", "", "[::1", "localhost\r\nX-Injected: 1",
            "a..b", "localhost:0", "LOCALHOST", "localhost.", "127.0.0.1", "[::1]:80", "a b", "%6c%6f%63%61%6c%68%6f%73%74", "localhost:abc"),
            (name, value) => new[] { Pair(name, value) })));

    private static readonly Gen<KeyValuePair<string, string>> Other = Gen.Frequency(
        (2, Gen.Select(Gen.Const("X-Forwarded-For"), Gen.OneOf("1.2.3.4", "::1", "1.2.3.4, ::1, junk", "999.999.999.999", "", "unknown",
            string.Join(",", Enumerable.Repeat("10.0.0.1", 2_000)), "[::1]:1", "1.2.3.4:99999"), Pair)),
        (1, Gen.Select(Gen.Const("X-Forwarded-Proto"), Gen.OneOf("https", "http", "ftp", "", "https, http", "javascript", "HTTPS\r\n"), Pair)),
        (3, Gen.Select(Gen.OneOf("X-Fuzz", "User-Agent", "Referer", "Origin", "Accept", "Accept-Language", "Cookie", "Authorization", "X-Conversation-Token"), Value, Pair)),
        (1, Gen.Select(FuzzText.Plain.Where(n => n.Length > 0 && !n.Contains(' ')), Value, (name, value) => Pair("X-" + name, value))));

    /// <summary>No extra headers most of the time, else a Host or forwarding header and a few others.</summary>
    public static readonly Gen<KeyValuePair<string, string>[]> Extra = Gen.Frequency(
        (3, Gen.Const(Array.Empty<KeyValuePair<string, string>>())),
        (2, Gen.Select(Host, Other.Array[0, 3], (host, other) => host.Concat(other).ToArray())));

    private static KeyValuePair<string, string> Pair(string name, string value) => new(name, value);
}
