using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace SmbAgent.HttpApi.RestApi;

/// <summary>
/// The OpenAPI document (<c>/openapi/v1.json</c>) with the API-key scheme on every <c>/api/v1</c> operation, and
/// Scalar's interactive reference at <c>/api-docs</c>, its script served from the package (no CDN, no web fonts), so
/// the page works where the machine has no internet.
/// </summary>
public static class RestApiDocumentation
{
    public const string DocsPath = "/api-docs";

    public const string DocumentRoute = "/openapi/{documentName}.json";

    public const string SecuritySchemeName = "ApiKey";

    /// <summary>
    /// The reference page's own policy: its script and styles from here (Scalar writes its configuration inline),
    /// requests only back to this API, and no framing.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

    public static IServiceCollection AddRestApiDocumentation(this IServiceCollection services) =>
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "SmbAgent API";
            document.Info.Description =
                "The REST API of a PRO business. Make a key in the admin (API keys) and send it as \"Authorization: Bearer <key>\" or in X-Api-Key.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SecuritySchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "sk_live_…",
                Description = "An API key made in the admin, as a bearer token (or in the X-Api-Key header).",
            };
            var requirement = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemeName, document)] = [] };
            foreach (var (path, item) in document.Paths)
            {
                if (!path.StartsWith(RestApiEndpoints.Prefix + "/", StringComparison.Ordinal) || item.Operations is null)
                {
                    continue;
                }

                foreach (var operation in item.Operations.Values)
                {
                    operation.Security ??= [];
                    operation.Security.Add(requirement);
                }
            }

            return Task.CompletedTask;
        }));

    public static IEndpointRouteBuilder MapRestApiDocumentation(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(DocumentRoute);
        app.MapScalarApiReference(DocsPath, options => options
            .WithTitle("SmbAgent API")
            .WithOpenApiRoutePattern(DocumentRoute)
            .DisableDefaultFonts());
        return app;
    }
}
