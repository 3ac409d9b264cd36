using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.ErrorHandling;

namespace SmbAgent.Features;

/// <summary>The 403 problem for a feature the plan lacks: names the feature and the editions that have it.</summary>
public static class FeatureProblems
{
    public const string NotEnabledType = "https://smbagent.dev/problems/feature-not-enabled";
    public const string LimitReachedType = "https://smbagent.dev/problems/feature-limit-reached";

    public static async Task<ProblemDetails> NotEnabledAsync(HttpContext httpContext, string featureName)
    {
        var definition = SmbFeatureDefinitions.Get(featureName);
        var editions = await httpContext.RequestServices.GetRequiredService<EditionCatalog>()
            .EditionsUnlockingAsync(featureName, cancellationToken: httpContext.RequestAborted);
        var problem = Problems.Create(
            StatusCodes.Status403Forbidden,
            "Not included in your plan",
            $"{definition.DisplayName} is not part of your plan. Available in: {string.Join(", ", editions)}.",
            new Dictionary<string, object?> { ["feature"] = featureName, ["editions"] = editions });
        problem.Type = NotEnabledType;
        return problem;
    }

    public static async Task<ProblemDetails> LimitReachedAsync(HttpContext httpContext, string featureName, long limit)
    {
        var definition = SmbFeatureDefinitions.Get(featureName);
        var editions = await httpContext.RequestServices.GetRequiredService<EditionCatalog>()
            .EditionsUnlockingAsync(featureName, limit, httpContext.RequestAborted);
        var problem = Problems.Create(
            StatusCodes.Status403Forbidden,
            "Plan limit reached",
            $"Your plan allows {limit} for {definition.DisplayName}. Upgrade to: {string.Join(", ", editions)}.",
            new Dictionary<string, object?> { ["feature"] = featureName, ["limit"] = limit, ["editions"] = editions });
        problem.Type = LimitReachedType;
        return problem;
    }
}
