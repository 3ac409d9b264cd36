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
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

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
