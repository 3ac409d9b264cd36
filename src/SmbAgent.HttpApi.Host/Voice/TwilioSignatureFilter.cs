using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SmbAgent.PublicUrls;
using SmbAgent.Tenancy;
using SmbAgent.Twilio;
using SmbAgent.Voice.PhoneLines;
using Twilio.Security;

namespace SmbAgent.HttpApi.Voice;

/// <summary>
/// Lets through only what Twilio signed: <c>X-Twilio-Signature</c> checked with the SDK's <see cref="RequestValidator"/>
/// over the URL Twilio called and the form. That URL is the configured public API address plus the request's path and
/// query, never the request's own scheme and host, which a proxy in front changes (and a client can state).
/// <para>
/// The token is the one of the account the form names: the platform's, or the business line's (the one the called
/// number named, else a line of the current business on that account). Any other account, no signature or a wrong one
/// gets a 403 problem, never TwiML, and the log names the reason and the route only: no number, no token.
/// </para>
/// </summary>
public sealed partial class TwilioSignatureFilter(
    IOptions<PublicUrlOptions> publicUrls,
    IOptionsMonitor<TwilioOptions> platform,
    PhoneLineSecrets secrets,
    ILogger<TwilioSignatureFilter> logger) : IEndpointFilter
{
    public const string SignatureHeader = "X-Twilio-Signature";

    private readonly string apiBase = publicUrls.Value.Api.AbsoluteUri.TrimEnd('/');

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var signature = request.Headers[SignatureHeader].ToString();
        if (signature.Length == 0)
        {
            return Refuse(request, "no signature");
        }

        var form = await request.ReadFormAsync(http.RequestAborted);
        var accountSid = form["AccountSid"].ToString();
        var (token, line, byPlatform) = await TokenOfAsync(http, accountSid);
        if (token is null)
        {
            return Refuse(request, "an account without a token here");
        }

        var url = $"{apiBase}{request.Path}{request.QueryString}";
        var fields = form.ToDictionary(field => field.Key, field => field.Value.ToString(), StringComparer.Ordinal);
        if (!new RequestValidator(token).Validate(url, fields, signature))
        {
            return Refuse(request, "a signature that doesn't match");
        }

        http.Features.Set(new TwilioWebhook(form, accountSid, line, byPlatform));
        return await next(context);
    }

    private async Task<(string? Token, CalledLine? Line, bool ByPlatform)> TokenOfAsync(HttpContext http, string accountSid)
    {
        if (accountSid.Length == 0)
        {
            return (null, null, false);
        }

        var calledLine = http.GetCalledLine();
        var options = platform.CurrentValue;
        if (string.Equals(options.AccountSid, accountSid, StringComparison.Ordinal) && !string.IsNullOrEmpty(options.AuthToken))
        {
            return (options.AuthToken, calledLine, true);
        }

        var line = calledLine is not null
            ? calledLine
            : http.RequestServices.GetRequiredService<ICurrentTenant>().Id is not null
                ? await http.RequestServices.GetRequiredService<PhoneLineStore>().FindOfCurrentTenantByAccountAsync(accountSid, http.RequestAborted)
                : null;
        return line is not null && string.Equals(line.AccountSid, accountSid, StringComparison.Ordinal)
            ? (secrets.Unprotect(line.ProtectedAuthToken), line, false)
            : (null, null, false);
    }

    private ProblemHttpResult Refuse(HttpRequest request, string reason)
    {
        LogRefused(request.Path, reason);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Signature refused",
            detail: "This endpoint answers only requests signed by Twilio for the account of the number called.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A Twilio webhook to {Path} was refused: {Reason}")]
    private partial void LogRefused(PathString path, string reason);
}
