using SmbAgent.Features;
using SmbAgent.HttpApi.Hosting;
using SmbAgent.Tenancy;

namespace SmbAgent.HttpApi.Conversations;

/// <summary>
/// The conventions every widget route shares: anonymous, the tenant named by the public widget key in the path, no
/// other credential read, the business's allowed sites (CORS and the origin check) and the widget feature.
/// </summary>
public static class WidgetRoutes
{
    /// <param name="path">Below <c>/api/widget/{widgetKey}</c>, e.g. <c>/config</c>.</param>
    public static RouteGroupBuilder MapWidgetGroup(this IEndpointRouteBuilder app, string path) =>
        app.MapGroup($"/api/widget/{{{WidgetKeyTenantResolveContributor.RouteValue}}}{path}")
            .WithTags("Chat widget")
            .AllowAnonymous()
            .WithoutCredentials()
            .RequireCors(WidgetCorsPolicyProvider.PolicyName)
            .WithWidgetOrigins()
            .RequireFeature(SmbFeatures.Chat.Widget);
}
