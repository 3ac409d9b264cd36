using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;

namespace SmbAgent.Features;

/// <summary>MVC and Razor Pages gate: the request is answered with the feature's 403 problem unless every named feature is on.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class RequiresFeatureAttribute(params string[] featureNames) : Attribute, IAsyncActionFilter, IAsyncPageFilter
{
    public IReadOnlyList<string> FeatureNames { get; } = featureNames;

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var refusal = await RefuseAsync(context.HttpContext);
        if (refusal is not null)
        {
            context.Result = refusal;
            return;
        }

        await next();
    }

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var refusal = await RefuseAsync(context.HttpContext);
        if (refusal is not null)
        {
            context.Result = refusal;
            return;
        }

        await next();
    }

    private async Task<IActionResult?> RefuseAsync(Microsoft.AspNetCore.Http.HttpContext httpContext)
    {
        var features = httpContext.RequestServices.GetRequiredService<IFeatureChecker>();
        foreach (var name in FeatureNames)
        {
            if (!await features.IsEnabledAsync(name, httpContext.RequestAborted))
            {
                var problem = await FeatureProblems.NotEnabledAsync(httpContext, name);
                return new ObjectResult(problem)
                {
                    StatusCode = problem.Status,
                    ContentTypes = { "application/problem+json" },
                };
            }
        }

        return null;
    }
}
