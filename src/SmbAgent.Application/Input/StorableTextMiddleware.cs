using Microsoft.AspNetCore.Http;
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
    public async Task InvokeAsync(HttpContext context)
    {
        if (await FirstUnstorableFieldAsync(context.Request) is { } field)
        {
            await Problems.WriteValidationAsync(context, field, StorableText.Problem);
            return;
        }

        await next(context);
    }

    private async Task<string?> FirstUnstorableFieldAsync(HttpRequest request)
    {
        var field = request.Query.FirstOrDefault(q => !StorableText.IsStorable(q.Key) || q.Value.Any(v => !StorableText.IsStorable(v))).Key
            ?? request.RouteValues.FirstOrDefault(r => r.Value is string s && !StorableText.IsStorable(s)).Key
            ?? request.Headers.FirstOrDefault(h => h.Value.Any(v => !StorableText.IsStorable(v))).Key;
        if (field is not null || !readsForms || !request.HasFormContentType)
        {
            return field;
        }

        try
        {
            return StorableForm.FirstUnstorableField(await request.ReadFormAsync(request.HttpContext.RequestAborted));
        }
        catch (InvalidDataException)
        {
            // The form reader itself refuses a NUL in a URL-encoded form, before a field has a name.
            return "form";
        }
    }
}
