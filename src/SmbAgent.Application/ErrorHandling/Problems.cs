using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace SmbAgent.ErrorHandling;

/// <summary>Writes RFC 9457 problem+json from middleware and filters.</summary>
public static class Problems
{
    public static async Task WriteAsync(
        HttpContext httpContext,
        int status,
        string title,
        string detail,
        IReadOnlyDictionary<string, object?>? extensions = null)
    {
        var problem = Create(status, title, detail, extensions);
        httpContext.Response.StatusCode = status;
        var service = httpContext.RequestServices.GetService<IProblemDetailsService>();
        if (service is null || !await service.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem }))
        {
            await httpContext.Response.WriteAsJsonAsync(problem, (JsonSerializerOptions?)null, "application/problem+json", httpContext.RequestAborted);
        }
    }

    /// <summary>A 400 naming the one field that was refused, shaped like the validators' problems.</summary>
    public static async Task WriteValidationAsync(HttpContext httpContext, string field, string message)
    {
        httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        var problem = Validation(field, message);
        var service = httpContext.RequestServices.GetService<IProblemDetailsService>();
        if (service is null || !await service.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem }))
        {
            await httpContext.Response.WriteAsJsonAsync(problem, (JsonSerializerOptions?)null, "application/problem+json", httpContext.RequestAborted);
        }
    }

    public static HttpValidationProblemDetails Validation(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] }) { Status = StatusCodes.Status400BadRequest, Title = "Invalid input" };

    public static ProblemDetails Create(int status, string title, string detail, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }
}
