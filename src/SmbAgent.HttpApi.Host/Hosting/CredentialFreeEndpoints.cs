namespace SmbAgent.HttpApi.Hosting;

/// <summary>
/// Endpoints whose credentials are in the request itself (the widget's key and conversation token). They skip
/// authentication, so a bearer token sent along picks neither a user nor a tenant there.
/// </summary>
public static class CredentialFreeEndpoints
{
    public static TBuilder WithoutCredentials<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new CredentialFreeMetadata());

    public static IApplicationBuilder UseAuthenticationExceptCredentialFree(this IApplicationBuilder app) =>
        app.UseWhen(context => context.GetEndpoint()?.Metadata.GetMetadata<CredentialFreeMetadata>() is null, branch => branch.UseAuthentication());

    private sealed class CredentialFreeMetadata;
}
