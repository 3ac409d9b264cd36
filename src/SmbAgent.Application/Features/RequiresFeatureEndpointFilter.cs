using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace SmbAgent.Features;

/// <summary>Minimal-API gate: <c>.RequireFeature(SmbFeatures.Voice.Agent)</c>.</summary>
public sealed class RequiresFeatureEndpointFilter(IReadOnlyList<string> featureNames) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var httpContext = context.HttpContext;
        var features = httpContext.RequestServices.GetRequiredService<IFeatureChecker>();
        foreach (var name in featureNames)
        {
            if (!await features.IsEnabledAsync(name, httpContext.RequestAborted))
            {
                var problem = await FeatureProblems.NotEnabledAsync(httpContext, name);
                return TypedResults.Problem(problem);
            }
        }

        return await next(context);
    }
}

public static class RequiresFeatureEndpointConventions
{
    public static TBuilder RequireFeature<TBuilder>(this TBuilder builder, params string[] featureNames)
        where TBuilder : IEndpointConventionBuilder
    {
        foreach (var name in featureNames)
        {
            _ = SmbFeatureDefinitions.Get(name);
        }

        return builder.AddEndpointFilter(new RequiresFeatureEndpointFilter(featureNames));
    }
}
