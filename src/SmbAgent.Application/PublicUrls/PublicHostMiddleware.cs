using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace SmbAgent.PublicUrls;

/// <summary>
/// A 400 with no body for a request to any Host but <see cref="PublicHostOptions.Host"/>; the status-code pages around it
/// write the answer. A request without a Host (HTTP/1.0) passes, as with ASP.NET Core's host filtering.
/// </summary>
public sealed class PublicHostMiddleware(RequestDelegate next, IOptions<PublicHostOptions> options)
{
    private readonly StringSegment[]? _allowed = options.Value.Host is { } host ? [new StringSegment(host)] : null;

    public Task InvokeAsync(HttpContext context)
    {
        // The status page re-executed for this very refusal must render, not be refused again.
        if (_allowed is null || context.Features.Get<IStatusCodeReExecuteFeature>() is not null || IsAllowed(context.Request.Host))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return Task.CompletedTask;
    }

    private bool IsAllowed(HostString host)
    {
        if (!host.HasValue)
        {
            return true;
        }

        try
        {
            return HostString.MatchesAny(host.Value, _allowed!);
        }
        catch (FormatException)
        {
            // A port that isn't a number.
            return false;
        }
    }
}
