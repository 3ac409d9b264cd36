using Microsoft.AspNetCore.Authentication;
using SmbAgent.Tenancy;

namespace SmbAgent.HttpApi.RestApi;

/// <summary>
/// For the REST API: the key's business, and only it; a signed-in user's claim or a tenant the request names plays no
/// part. No valid key resolves the host, whose request the authorization then answers 401.
/// </summary>
public sealed class ApiKeyTenantResolveContributor : ITenantResolveContributor
{
    public const string ContributorName = "ApiKey";

    public string Name => ContributorName;

    public async Task ResolveAsync(TenantResolveContext context)
    {
        if (!context.HttpContext.Request.Path.StartsWithSegments(RestApiEndpoints.Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var result = await context.HttpContext.AuthenticateAsync(ApiKeyAuthenticationHandler.SchemeName);
        context.Resolve(result.Succeeded ? context.HttpContext.Features.Get<ApiKeyFeature>()?.Key.TenantId : null, Name);
    }
}
