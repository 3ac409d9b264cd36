using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using SmbAgent.ApiKeys;
using SmbAgent.ErrorHandling;
using SmbAgent.Tenancy;

namespace SmbAgent.HttpApi.RestApi;

/// <summary>
/// The REST API's scheme: a key in <c>Authorization: Bearer sk_live_…</c> or <c>X-Api-Key</c>. A missing key is no
/// result (the challenge answers 401); a key that isn't one of ours, or was revoked, fails. Refusals are problem+json
/// and never echo the key.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyAuthenticator authenticator)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    public const string HeaderName = "X-Api-Key";

    public const string KeyIdClaimType = "api_key_id";

    public const string ScopeClaimType = "api_key_scope";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (PresentedKey(Request) is not { } presented)
        {
            return AuthenticateResult.NoResult();
        }

        if (await authenticator.AuthenticateAsync(presented, Context.RequestAborted) is not { } key)
        {
            return AuthenticateResult.Fail("The API key is not valid.");
        }

        Context.Features.Set(new ApiKeyFeature(key));
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, key.Name),
                new Claim(KeyIdClaimType, key.Id.ToString()),
                new Claim(ScopeClaimType, key.Scope.ToString()),
                new Claim(TenantConsts.TenantIdClaimType, key.TenantId.ToString()),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return Problems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "API key required",
            $"Send a valid, unrevoked API key as \"Authorization: Bearer <key>\" or in the {HeaderName} header.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Read-only API key",
            "This API key can only read. Make a key with read and write access to change data.");

    /// <summary>Only a value shaped like our keys counts, so the host's own bearer tokens pass by untouched.</summary>
    private static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var header) && header.ToString() is { Length: > 0 } value)
        {
            return value.Trim();
        }

        var authorization = request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        return authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase)
               && authorization[bearer.Length..].Trim() is var token
               && token.StartsWith(ApiKeySecrets.Marker, StringComparison.Ordinal)
            ? token
            : null;
    }
}

/// <summary>The request's authenticated key, for the rate limiter that runs before authorization.</summary>
public sealed record ApiKeyFeature(ApiKeyIdentity Key);
