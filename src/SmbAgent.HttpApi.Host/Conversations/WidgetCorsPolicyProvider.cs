using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SmbAgent.Data;

namespace SmbAgent.HttpApi.Conversations;

/// <summary>
/// CORS per business: the origins the owner allowed for the widget (any, while the list is empty). Runs after tenant
/// resolution, so it reads the current tenant's own settings.
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

        var db = context.RequestServices.GetRequiredService<ISmbAgentDbContext>();
        var origins = await db.AgentSettings.AsNoTracking().Select(s => s.AllowedOrigins).FirstOrDefaultAsync(context.RequestAborted) ?? [];
        var policy = new CorsPolicyBuilder()
            .WithMethods("GET", "POST")
            .WithHeaders("Content-Type", WidgetChatEndpoints.TokenHeader);
        return (origins.Count == 0 ? policy.AllowAnyOrigin() : policy.WithOrigins([.. origins])).Build();
    }
}
