using SmbAgent.Features;

namespace SmbAgent.HttpApi.Features;

public static class FeatureEndpoints
{
    public static void MapFeatureEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/app/features", GetAsync)
            .RequireAuthorization()
            .WithTags("Features")
            .WithName("GetFeatures")
            .WithSummary("The current tenant's effective feature values.");
    }

    private static async Task<IResult> GetAsync(IFeatureChecker features, CancellationToken cancellationToken)
    {
        var values = new List<FeatureValueDto>();
        foreach (var definition in SmbFeatureDefinitions.All)
        {
            values.Add(new FeatureValueDto(definition.Name, definition.DisplayName, await features.GetAsync(definition.Name, cancellationToken)));
        }

        return TypedResults.Ok(values);
    }

    public sealed record FeatureValueDto(string Name, string DisplayName, string Value);
}
