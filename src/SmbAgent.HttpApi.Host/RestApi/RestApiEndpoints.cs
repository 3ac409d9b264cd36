using Microsoft.AspNetCore.Authorization;
using SmbAgent.ApiKeys;
using SmbAgent.Features;

namespace SmbAgent.HttpApi.RestApi;

/// <summary>
/// The PRO REST API under <c>/api/v1</c>: an API key authenticates and names the business, the plan must include
/// <see cref="SmbFeatures.Platform.ApiAccess"/>, each key has its own rate limit, and writing needs a read-write key.
/// </summary>
public static class RestApiEndpoints
{
    public const string Prefix = "/api/v1";

    /// <summary>Any valid key, through the API-key scheme only (a host bearer token is not a key).</summary>
    public static readonly AuthorizationPolicy ReadPolicy = new AuthorizationPolicyBuilder(ApiKeyAuthenticationHandler.SchemeName)
        .RequireAuthenticatedUser()
        .Build();

    public static readonly AuthorizationPolicy WritePolicy = new AuthorizationPolicyBuilder(ApiKeyAuthenticationHandler.SchemeName)
        .RequireAuthenticatedUser()
        .RequireClaim(ApiKeyAuthenticationHandler.ScopeClaimType, nameof(ApiKeyScope.ReadWrite))
        .Build();

    public static IEndpointRouteBuilder MapRestApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix)
            .RequireAuthorization(ReadPolicy)
            .RequireFeature(SmbFeatures.Platform.ApiAccess)
            .RequireRateLimiting(RestApiRateLimits.PolicyName)
            // Keys, not cookies, authenticate here, so a cross-site form can't post.
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapRestLeads();
        api.MapRestConversations();
        api.MapRestCalls();
        api.MapRestKnowledge();
        return app;
    }

    /// <summary>For the endpoints that change data.</summary>
    public static TBuilder RequireWriteScope<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(WritePolicy);
}
