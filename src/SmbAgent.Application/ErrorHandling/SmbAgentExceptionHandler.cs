using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using SmbAgent.Data;
using SmbAgent.Features;

namespace SmbAgent.ErrorHandling;

/// <summary>Turns the exceptions app services throw into problem+json; anything else stays a 500 without details.</summary>
public sealed class SmbAgentExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            FeatureNotEnabledException e => await FeatureProblems.NotEnabledAsync(httpContext, e.FeatureName),
            FeatureLimitReachedException e => await FeatureProblems.LimitReachedAsync(httpContext, e.FeatureName, e.Limit),
            EntityNotFoundException e => Problems.Create(StatusCodes.Status404NotFound, "Not found", e.Message),
            BusinessException e => WithCode(Problems.Create(e.Status, "Request refused", e.Message), e.Code),
            ValidationException e => Validation(e),
            BadHttpRequestException e => BadRequest(e),
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>
    /// A body that isn't JSON, or holds a wrong type or text that can't be stored: the field where reading stopped
    /// is named, as <see cref="JsonException.Path"/> has it ("$.pairs[0].question" → "pairs[0].question").
    /// </summary>
    private static ProblemDetails BadRequest(BadHttpRequestException exception) =>
        exception.InnerException is JsonException { Path: { Length: > 2 } path } json
            ? Problems.Validation(path[2..], json.Message.Split(" Path:")[0])
            : Problems.Create(exception.StatusCode, "Bad request", exception.StatusCode == StatusCodes.Status400BadRequest
                ? "The request could not be read: send valid JSON of the documented shape."
                : exception.Message);

    private static ProblemDetails WithCode(ProblemDetails problem, string code)
    {
        problem.Extensions["code"] = code;
        return problem;
    }

    private static HttpValidationProblemDetails Validation(ValidationException exception) =>
        new(exception.Errors
            .GroupBy(e => e.PropertyName)
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Invalid input",
        };
}
