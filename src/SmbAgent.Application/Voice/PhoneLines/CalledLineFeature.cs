using Microsoft.AspNetCore.Http;

namespace SmbAgent.Voice.PhoneLines;

/// <summary>
/// The line the called number named, kept on the request by the tenant resolution that looked it up, so the signature
/// check reads its token without a second query. Present even when its business can't take the call (inactive), so
/// the webhook can still answer that call politely.
/// </summary>
public sealed class CalledLineFeature(CalledLine line)
{
    public CalledLine Line { get; } = line;
}

public static class CalledLineHttpContextExtensions
{
    public static CalledLine? GetCalledLine(this HttpContext httpContext) => httpContext.Features.Get<CalledLineFeature>()?.Line;
}
