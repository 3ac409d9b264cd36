using System.Globalization;
using System.Text;

namespace SmbAgent.TestKit.Fuzzing;

/// <summary>One generated request: raw body bytes and headers exactly as sent, so a finding can be replayed.</summary>
public sealed record FuzzRequest(
    HttpMethod Method,
    string PathAndQuery,
    byte[]? Body,
    string? ContentType,
    IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    private const int PrintedBodyChars = 300;

    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(Method, new Uri(PathAndQuery, UriKind.Relative));
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        foreach (var (name, value) in Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return message;
    }

    /// <summary>Printable and bounded: a 10 MB body or a control character must not flood or garble the report.</summary>
    public override string ToString()
    {
        var text = new StringBuilder().Append(Method).Append(' ').Append(Escape(PathAndQuery, 500));
        foreach (var (name, value) in Headers)
        {
            text.Append(" | ").Append(name).Append(": ").Append(Escape(value, 200));
        }

        if (ContentType is not null)
        {
            text.Append(" | Content-Type: ").Append(Escape(ContentType, 200));
        }

        if (Body is not null)
        {
            text.Append(" | body (").Append(Body.Length).Append(" bytes): ")
                .Append(Escape(Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, PrintedBodyChars * 4)), PrintedBodyChars));
        }

        return text.ToString();
    }

    private static string Escape(string value, int max)
    {
        var text = new StringBuilder();
        foreach (var c in value.Length > max ? value[..max] : value)
        {
            text.Append(char.IsControl(c) || char.IsSurrogate(c) ? ((int)c).ToString("x4", CultureInfo.InvariantCulture).Insert(0, "\\u") : c.ToString());
        }

        return value.Length > max ? text.Append(CultureInfo.InvariantCulture, $"…(+{value.Length - max} chars)").ToString() : text.ToString();
    }
}

/// <summary>Media types the fuzz targets claim by default.</summary>
public static class FuzzMediaTypes
{
    public const string Json = "application/json";
    public const string Form = "application/x-www-form-urlencoded";
}
