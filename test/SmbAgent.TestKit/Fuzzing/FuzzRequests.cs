using CsCheck;

namespace SmbAgent.TestKit.Fuzzing;

/// <summary>Whole requests to one endpoint: its body, content type, query and extra headers fuzzed together.</summary>
public static class FuzzRequests
{
    /// <summary>A JSON endpoint: mostly JSON bodies around <paramref name="fields"/>, now and then a form or none.</summary>
    public static Gen<FuzzRequest> Json(HttpMethod method, string path, IReadOnlyList<JsonField> fields, Gen<KeyValuePair<string, string>[]>? headers = null) =>
        Gen.Select(FuzzJson.Body(fields), Gen.Frequency((10, FuzzHeaders.ContentType.Select(c => (string?)c)), (1, Gen.Const((string?)null))),
            Gen.Frequency((6, Gen.Const(string.Empty)), (1, FuzzQuery.For())), headers ?? Gen.Const(Array.Empty<KeyValuePair<string, string>>()),
            FuzzHeaders.Extra,
            (body, contentType, query, own, extra) => new FuzzRequest(method, path + query, body, contentType, [.. own, .. extra]));

    /// <summary>A GET: fuzzed query over <paramref name="names"/>, extra headers.</summary>
    public static Gen<FuzzRequest> Get(string path, string[] names, Gen<KeyValuePair<string, string>[]>? headers = null) =>
        Gen.Select(FuzzQuery.For(names), headers ?? Gen.Const(Array.Empty<KeyValuePair<string, string>>()), FuzzHeaders.Extra,
            (query, own, extra) => new FuzzRequest(HttpMethod.Get, path + query, null, null, [.. own, .. extra]));
}
