using Microsoft.AspNetCore.Cors.Infrastructure;
using SmbAgent.Workspace.Widget;

namespace SmbAgent.HttpApi.Conversations;

/// <summary>
/// CORS per business: the origins <see cref="WidgetOriginPolicy"/> allows (the owner's sites, the admin's preview and
/// <c>/demo</c>), never any origin. Runs after tenant resolution, so it reads the current tenant's own list, through the
/// cached workspace settings (a preflight and every widget request ask).
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

        var origins = await context.RequestServices.GetRequiredService<WidgetOriginPolicy>().AllowedOriginsAsync(context.RequestAborted);
        return new CorsPolicyBuilder()
            .WithOrigins([.. origins])
            .WithMethods("GET", "POST")
            .WithHeaders("Content-Type", WidgetChatEndpoints.TokenHeader)
            .Build();
    }
}
