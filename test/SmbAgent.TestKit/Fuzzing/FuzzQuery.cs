using System.Text;
using CsCheck;

namespace SmbAgent.TestKit.Fuzzing;

/// <summary>Query strings: fuzzed values for an endpoint's parameters, broken escapes, repeats and sheer length.</summary>
public static class FuzzQuery
{
    /// <summary>A value as it travels in a query or a form: percent-encoded fuzz text, broken escapes, huge.</summary>
    public static readonly Gen<string> Value = Gen.Frequency(
        (4, FuzzText.Any.Select(Escape)),
        (2, Gen.OneOf("%00", "a%00b", "%ZZ", "%", "%e", "%ED%A0%80", "%C0%80", "%FF", "%0d%0aX-Injected:%201", "-1", "0", "2147483648",
            "99999999999999999999", "1e3", "abc", "", "+", "%2B", "&", "=", "a=b", "[]", "{}", "true")),
        (1, Gen.Int[10_000, 100_000].Select(n => new string('q', n))));

    /// <summary>A query string (with its '?', or empty) over <paramref name="names"/> and a stray parameter or two.</summary>
    public static Gen<string> For(params string[] names)
    {
        var name = Gen.Frequency((6, Gen.OneOf(names.Length == 0 ? ["x"] : names)), (1, Gen.OneOf("", "%00", "a%00", "x", "handler", "__proto__")));
        var pair = Gen.Frequency((6, Gen.Select(name, Value, (n, v) => n + "=" + v)), (1, name));
        return Gen.Frequency(
            (1, Gen.Const(string.Empty)),
            (6, pair.Array[1, 4].Select(pairs => "?" + string.Join("&", pairs))),
            (1, Gen.OneOf("?", "??", "?&&&==&", "?=", "?" + new string('&', 5_000), "#fragment")));
    }

    /// <summary>Percent-encodes the UTF-8 of <paramref name="value"/> (a lone surrogate as U+FFFD, as a browser does).</summary>
    public static string Escape(string value)
    {
        var escaped = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            escaped.Append(char.IsAsciiLetterOrDigit((char)b) ? ((char)b).ToString() : $"%{b:X2}");
        }

        return escaped.ToString();
    }
}
