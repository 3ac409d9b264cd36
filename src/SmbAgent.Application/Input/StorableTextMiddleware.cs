using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using SmbAgent.ErrorHandling;

namespace SmbAgent.Input;

/// <summary>
/// Refuses a request whose query, route values or headers hold text <see cref="StorableText"/> can't keep, before
/// authentication and tenant resolution look any of it up. With <paramref name="readsForms"/>, form fields and
/// uploaded file names too (the API, whose routing has applied the endpoint's body size limit by then); the admin
/// checks forms in a page filter instead, once authorization and its upload limit have run.
/// JSON bodies are checked as they are read (<see cref="StorableStringJsonConverter"/>).
/// </summary>
public sealed class StorableTextMiddleware(RequestDelegate next, bool readsForms)
{
    /// <summary>The field a form body that can't be read is refused under.</summary>
    public const string BodyField = "body";

    public const string UnreadableForm = "The form could not be read.";

    public const string ContentTypeField = "Content-Type";

    public const string UnknownCharset = "The body's charset is not a known encoding.";

    public async Task InvokeAsync(HttpContext context)
    {
        if (await FirstRefusedFieldAsync(context.Request) is { } refused)
        {
            await Problems.WriteValidationAsync(context, refused.Field, refused.Message);
            return;
        }

        await next(context);
    }

    private async Task<(string Field, string Message)?> FirstRefusedFieldAsync(HttpRequest request)
    {
        var field = request.Query.FirstOrDefault(q => !StorableText.IsStorable(q.Key) || q.Value.Any(v => !StorableText.IsStorable(v))).Key
            ?? request.RouteValues.FirstOrDefault(r => r.Value is string s && !StorableText.IsStorable(s)).Key
            ?? request.Headers.FirstOrDefault(h => h.Value.Any(v => !StorableText.IsStorable(v))).Key;
        if (field is not null)
        {
            return (field, StorableText.Problem);
        }

        // The JSON reader throws (a 500) on a charset it doesn't know; the body can't be read, so it is bad input.
        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) && mediaType.Charset is { Length: > 0 } charset && !IsKnownEncoding(charset.Value!))
        {
            return (ContentTypeField, UnknownCharset);
        }

        if (!readsForms || !request.HasFormContentType)
        {
            return null;
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException)
        {
            // A multipart body without its boundary, a form past its key or value limits, a body cut short: the body is
            // the field that can't be read.
            return (BodyField, UnreadableForm);
        }

        return StorableForm.FirstUnstorableField(form) is { } formField ? (formField, StorableText.Problem) : null;
    }

    private static bool IsKnownEncoding(string charset)
    {
        try
        {
            Encoding.GetEncoding(charset.Trim('"'));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
