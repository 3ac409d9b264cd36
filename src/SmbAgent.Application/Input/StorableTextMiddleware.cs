using Microsoft.AspNetCore.Http;
using SmbAgent.ErrorHandling;

namespace SmbAgent.Input;

/// <summary>
/// Refuses a request whose query, route values, headers or form fields (and uploaded file names) hold text
/// <see cref="StorableText"/> can't keep, before any of it reaches a page, an endpoint or the database.
/// JSON bodies are checked as they are read (<see cref="StorableStringJsonConverter"/>).
/// </summary>
public sealed class StorableTextMiddleware(RequestDelegate next)
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

    private static async Task<string?> FirstUnstorableFieldAsync(HttpRequest request)
    {
        var field = request.Query.FirstOrDefault(q => !StorableText.IsStorable(q.Key) || q.Value.Any(v => !StorableText.IsStorable(v))).Key
            ?? request.RouteValues.FirstOrDefault(r => r.Value is string s && !StorableText.IsStorable(s)).Key
            ?? request.Headers.FirstOrDefault(h => h.Value.Any(v => !StorableText.IsStorable(v))).Key;
        if (field is not null || !request.HasFormContentType)
        {
            return field;
        }

        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        return form.FirstOrDefault(f => !StorableText.IsStorable(f.Key) || f.Value.Any(v => !StorableText.IsStorable(v))).Key
            ?? form.Files.FirstOrDefault(f => !StorableText.IsStorable(f.FileName))?.Name;
    }
}
