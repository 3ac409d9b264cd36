using System.Globalization;
using System.Text;
using CsCheck;

namespace SmbAgent.TestKit.Fuzzing;

/// <summary>A field of a JSON body and a value that would be right for it (as JSON).</summary>
public sealed record JsonField(string Name, Gen<string> Valid);

/// <summary>
/// JSON bodies built around an endpoint's fields: the right shape with fuzzed strings, wrong types per field,
/// malformed or deeply nested text, invalid UTF-8 bytes and bodies past every limit.
/// </summary>
public static class FuzzJson
{
    private static readonly byte[][] InvalidUtf8 =
    [
        [0xff], [0xfe, 0xff], [0xc0, 0x80], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf], [0xf4, 0x90, 0x80, 0x80],
        [0xf8, 0x88, 0x80, 0x80, 0x80], [0x80], [0xbf, 0xbf], [0xef, 0xbb, 0xbf], [0x00],
    ];

    /// <summary>A JSON string literal of <paramref name="text"/>; controls and surrogates written as \u escapes, as a client might.</summary>
    public static string Literal(string text)
    {
        var json = new StringBuilder().Append('"');
        foreach (var c in text)
        {
            json.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                _ when c < ' ' || char.IsSurrogate(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return json.Append('"').ToString();
    }

    public static readonly Gen<string> StringValue = FuzzText.Any.Select(Literal);

    /// <summary>A value of the wrong kind, or one too big, for any field.</summary>
    public static readonly Gen<string> WrongValue = Gen.OneOf(
        Gen.OneOf("null", "true", "false", "0", "-1", "1e309", "-0", "1.5", "9223372036854775808", "{}", "[]", "[null]", "[\"a\",1]",
            "{\"a\":null}", "\"\\ud800\"", "\"\\udc00\\ud800\"", "\"\\u0000\"", "\"\\x41\"", "'single'", "NaN", "Infinity", "undefined", "\"\""),
        Gen.Long.Select(n => n.ToString(CultureInfo.InvariantCulture)),
        Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "1e999"),
        StringValue.Array[0, 5].Select(items => "[" + string.Join(",", items) + "]"),
        Gen.Int[2, 600].Select(depth => new string('[', depth) + new string(']', depth)));

    /// <summary>Deep nesting, closed or not: the parser's depth limit, not the stack, must stop it.</summary>
    public static readonly Gen<string> DeeplyNested = Gen.Select(Gen.Int[60, 12_000], Gen.Bool, Gen.OneOf("[", "{\"a\":", "{\"text\":["), (depth, closed, open) =>
    {
        var close = open switch { "[" => "]", "{\"a\":" => "}", _ => "]}" };
        var json = new StringBuilder().Insert(0, open, depth).Append('1');
        return closed ? json.Insert(json.Length, close, depth).ToString() : json.ToString();
    });

    /// <summary>An object with the endpoint's fields, each present or not, right, fuzzed or of the wrong type.</summary>
    public static Gen<string> Shaped(IReadOnlyList<JsonField> fields)
    {
        var members = fields.Select(field => Gen.Frequency(
                (1, Gen.Const(string.Empty)),
                (3, field.Valid.Select(v => Member(field.Name, v))),
                (4, StringValue.Select(v => Member(field.Name, v))),
                (2, WrongValue.Select(v => Member(field.Name, v)))))
            .ToArray();
        var extra = Gen.Frequency(
            (6, Gen.Const(string.Empty)),
            (1, StringValue.Select(v => Member("unknown", v))),
            (1, Gen.OneOf(fields.Select(f => f.Name).ToArray()).SelectMany(name => WrongValue.Select(v => Member(name, v)))),
            (1, StringValue.Select(v => Member(v.Trim('"'), "1"))));
        var all = members.Aggregate(Gen.Const<IEnumerable<string>>([]), (parts, member) => Gen.Select(parts, member, (list, one) => list.Append(one)));
        return Gen.Select(all, extra, (parts, more) => "{" + string.Join(",", parts.Append(more).Where(p => p.Length > 0)) + "}");
    }

    /// <summary>Every kind of JSON body for an endpoint with <paramref name="fields"/>, as bytes.</summary>
    public static Gen<byte[]> Body(IReadOnlyList<JsonField> fields)
    {
        var shaped = Shaped(fields);
        return Gen.Frequency(
            (10, shaped.Select(Utf8)),
            (2, Gen.Select(shaped, Gen.Int[0, 10_000], (json, at) => Utf8(json[..(at % (json.Length + 1))]))),
            (2, Gen.Select(shaped, Gen.OneOf("}", "]", ",", "\"", ":", "{", "\\", "/*", "garbage", "\u0000", "'"), Gen.Int[0, 10_000],
                (json, junk, at) => Utf8(json.Insert(at % (json.Length + 1), junk)))),
            (2, Gen.Select(shaped, Gen.Int[0, InvalidUtf8.Length - 1], Gen.Int[0, 10_000], (json, bad, at) =>
            {
                var bytes = Utf8(json).ToList();
                bytes.InsertRange(at % (bytes.Count + 1), InvalidUtf8[bad]);
                return bytes.ToArray();
            })),
            (1, DeeplyNested.Select(Utf8)),
            (1, WrongValue.Select(Utf8)),
            (1, Gen.OneOf("", " ", "\ufeff{}", "{", "}", "{}", "[]", "null", "{\"a\":1}{\"b\":2}").Select(Utf8)),
            (1, Gen.Int[100_000, 600_000].Select(n => Utf8($$"""{"{{(fields.Count > 0 ? fields[0].Name : "a")}}":[{{string.Join(",", Enumerable.Repeat("1", n / 2))}}]}"""))),
            (1, Gen.Byte.Array[0, 200]));
    }

    private static string Member(string name, string value) => Literal(name) + ":" + value;

    private static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);
}
