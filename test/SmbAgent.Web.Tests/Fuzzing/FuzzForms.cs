using CsCheck;
using SmbAgent.TestKit.Fuzzing;

namespace SmbAgent.Web.Tests.Fuzzing;

/// <summary>A form field and a value that would be right for it (not yet encoded).</summary>
public sealed record FormField(string Name, Gen<string> Valid);

/// <summary>Form posts to a Razor page: fuzzed fields, the antiforgery token mostly right, the content type mostly a form.</summary>
public static class FuzzForms
{
    public const string TokenField = "__RequestVerificationToken";

    public static Gen<FuzzRequest> Post(string path, IReadOnlyList<FormField> fields, string antiforgeryToken)
    {
        var members = fields.Select(field => Gen.Frequency(
                (1, Gen.Const(string.Empty)),
                (3, field.Valid.Select(v => field.Name + "=" + FuzzQuery.Escape(v))),
                (5, FuzzQuery.Value.Select(v => field.Name + "=" + v)),
                (1, Gen.Select(FuzzQuery.Value, FuzzQuery.Value, (a, b) => $"{field.Name}={a}&{field.Name}={b}"))))
            .Append(Gen.Frequency(
                (8, Gen.Const(TokenField + "=" + FuzzQuery.Escape(antiforgeryToken))),
                (1, Gen.Const(string.Empty)),
                (1, FuzzQuery.Value.Select(v => TokenField + "=" + v))))
            .Aggregate(Gen.Const<IEnumerable<string>>([]), (parts, member) => Gen.Select(parts, member, (list, one) => list.Append(one)));
        var body = Gen.Frequency(
            (12, members.Select(parts => string.Join("&", parts.Where(p => p.Length > 0)))),
            (1, Gen.OneOf("", "&&&", "=", "%", "a=%ZZ", "\u0000=\u0000")),
            (1, Gen.Int[100_000, 2_000_000].Select(n => fields[0].Name + "=" + new string('a', n))));
        var contentType = Gen.Frequency(
            (12, Gen.Const((string?)FuzzMediaTypes.Form)),
            (1, FuzzHeaders.ContentType.Select(c => (string?)c)),
            (1, Gen.OneOf((string?)null, "multipart/form-data; boundary=x", "application/x-www-form-urlencoded; charset=utf-16")));
        return Gen.Select(body, contentType, Gen.Frequency((6, Gen.Const(string.Empty)), (1, FuzzQuery.For("returnUrl", "handler"))), FuzzHeaders.Extra,
            (form, type, query, headers) => new FuzzRequest(HttpMethod.Post, path + query, System.Text.Encoding.UTF8.GetBytes(form), type, headers));
    }
}
