using Microsoft.AspNetCore.Cors.Infrastructure;
using SmbAgent.Tenancy;
using SmbAgent.Workspace;

namespace SmbAgent.HttpApi.Conversations;

/// <summary>
/// CORS per business: the origins the owner allowed for the widget (any, while the list is empty). Runs after tenant
/// resolution, so it reads the current tenant's own settings, through the cached workspace settings (a preflight and
/// every widget request ask, and the agent settings' save path invalidates that cache).
/// </summary>
public sealed class WidgetCorsPolicyProvider : ICorsPolicyProvider
{
    public const string PolicyName = "Widget";

    public async Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
    {
        if (policyName != PolicyName)
        {
            return null;
        }

        var origins = context.RequestServices.GetRequiredService<ICurrentTenant>().Id is null
            ? []
            : (await context.RequestServices.GetRequiredService<WorkspaceSettingsCache>().GetAsync(context.RequestAborted)).Agent.AllowedOrigins;
        var policy = new CorsPolicyBuilder()
            .WithMethods("GET", "POST")
            .WithHeaders("Content-Type", WidgetChatEndpoints.TokenHeader);
        return (origins.Count == 0 ? policy.AllowAnyOrigin() : policy.WithOrigins([.. origins])).Build();
    }
}
