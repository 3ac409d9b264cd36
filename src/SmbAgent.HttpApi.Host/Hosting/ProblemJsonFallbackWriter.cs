using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace SmbAgent.HttpApi.Hosting;

/// <summary>
/// Writes the problems the framework's writer declines: it writes only to a client whose <c>Accept</c> names JSON, so a
/// client asking for HTML, an image or garbage got an empty body or "Status Code: 400". An API has no other way to
/// say what went wrong, and RFC 9110 lets a server answer outside <c>Accept</c> rather than with a bare 406.
/// </summary>
public sealed class ProblemJsonFallbackWriter(IOptions<ProblemDetailsOptions> problemOptions, IOptions<JsonOptions> jsonOptions) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var response = context.HttpContext.Response;
        var problem = context.ProblemDetails;
        problem.Status ??= response.StatusCode;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(problem.Status.Value);
        problemOptions.Value.CustomizeProblemDetails?.Invoke(context);
        return new ValueTask(response.WriteAsJsonAsync(
            problem, problem.GetType(), jsonOptions.Value.SerializerOptions, "application/problem+json", context.HttpContext.RequestAborted));
    }
}
