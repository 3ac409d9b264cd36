using System.Text;
using CsCheck;

namespace SmbAgent.TestKit.Fuzzing;

/// <summary>Text a client may send where text belongs: ordinary, hostile, unstorable and oversized.</summary>
public static class FuzzText
{
    /// <summary>Characters PostgreSQL or UTF-16 can't keep: NUL, other C0 controls, DEL, and lone surrogates.</summary>
    public static readonly Gen<char> BadChar = Gen.Frequency(
        (3, Gen.Const('\0')),
        (3, Gen.Char['\u0001', '\u001f']),
        (1, Gen.Const('\u007f')),
        (3, Gen.Char['\ud800', '\udbff']),
        (3, Gen.Char['\udc00', '\udfff']));

    public static readonly Gen<string> Plain = Gen.String["abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789.,@-_'"];

    /// <summary>Any UTF-16 code unit, paired or not: the whole BMP, astral pairs, noncharacters, bidi controls.</summary>
    public static readonly Gen<string> AnyUnicode = Gen.OneOf(
        Gen.String,
        Gen.Char.Array[0, 40].Select(chars => new string(chars)),
        Gen.Int[0x10000, 0x10FFFF].Array[1, 10].Select(points => string.Concat(points.Select(char.ConvertFromUtf32))),
        Gen.OneOf("\u202e", "\ufeff", "\ufffe", "\uffff", "\u200b", "e\u0301\u0301\u0301", "𝕏😀👩‍👩‍👧", "\u0085\u2028\u2029"));

    /// <summary>Ordinary text with unstorable characters spliced in at random places.</summary>
    public static readonly Gen<string> WithBadChars = Gen.Select(Plain, BadChar.Array[1, 4], Gen.Int[0, 100], (text, bad, at) =>
    {
        var builder = new StringBuilder(text);
        foreach (var c in bad)
        {
            builder.Insert(builder.Length == 0 ? 0 : at % (builder.Length + 1), c);
        }

        return builder.ToString();
    });

    /// <summary>What a form or API should escape, not act on: markup, SQL, template syntax, header breaks, traversal.</summary>
    public static readonly Gen<string> Hostile = Gen.OneOf(
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "'; DROP TABLE tenants; --", "{{7*7}}", "${jndi:ldap://x}",
        "a\r\nX-Injected: 1", "a\nSet-Cookie: x=1", "../../../../etc/passwd", "%00", "%ED%A0%80", "\\u0000", "null", "NaN",
        "-1", "1e309", "0x7fffffff", "@", "a@b", "a@b@c", "=cmd|' /C calc'!A0", "<Say>hi</Say>", "]]>");

    /// <summary>From empty past every field's limit: up to about a million characters, now and then.</summary>
    public static readonly Gen<string> Huge = Gen.Frequency(
        (6, Gen.Int[1_000, 70_000].Select(n => new string('a', n))),
        (1, Gen.Int[70_000, 1_100_000].Select(n => new string('x', n))));

    public static readonly Gen<string> Blank = Gen.OneOf("", " ", "\t", "   ", "\u00a0", "\u3000");

    /// <summary>All of the above, mostly short and bad.</summary>
    public static readonly Gen<string> Any = Gen.Frequency(
        (4, Plain),
        (4, AnyUnicode),
        (5, WithBadChars),
        (3, Hostile),
        (1, Huge),
        (2, Blank));
}
