using SmbAgent.Tenancy;

namespace SmbAgent.HttpApi.Tenancy;

public static class TenancyEndpoints
{
    public static void MapTenancyEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/app/current-tenant", (ICurrentTenant currentTenant) =>
                TypedResults.Ok(new CurrentTenantDto(currentTenant.Id, currentTenant.Name, currentTenant.IsAvailable)))
            .RequireAuthorization()
            .WithTags("Tenancy")
            .WithName("GetCurrentTenant");
    }

    public sealed record CurrentTenantDto(Guid? Id, string? Name, bool IsAvailable);
}
