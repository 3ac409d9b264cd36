using System.Net;
using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using SmbAgent.Permissions;
using SmbAgent.Tenancy;

namespace SmbAgent.Health;

/// <summary>
/// <c>/health</c> (details for host admins and loopback callers, the bare status for anyone else), <c>/health/live</c>
/// and <c>/health/ready</c> for orchestrators, on both hosts; <c>POST /health/alerts</c> on the admin host only.
/// </summary>
public static partial class HealthEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapSmbHealthEndpoints(this IEndpointRouteBuilder app, bool withAlerts)
    {
        app.MapGet("/health", GetAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/health/live", () => Results.Json(new { status = HealthStatuses.Healthy }, Json)).AllowAnonymous().ExcludeFromDescription();
        // Database and Redis: Redis down is degraded (the in-memory cache serves), still ready; the database down is 503.
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Name is "database" or "redis",
            ResponseWriter = (context, report) => context.Response.WriteAsJsonAsync(new { status = HealthSnapshotService.StatusOf(report.Status) }, Json),
        }).AllowAnonymous();
        if (withAlerts)
        {
            app.MapPost("/health/alerts", SetAlertsAsync).RequireAuthorization(SmbPermissions.Health.Default).ExcludeFromDescription();
            app.MapGet("/health/alerts", async (HealthAlertAppService alerts, CancellationToken ct) => Results.Json(await alerts.GetThresholdsAsync(ct), Json))
                .RequireAuthorization(SmbPermissions.Health.Default).ExcludeFromDescription();
        }

        return app;
    }

    /// <summary>A host user (no tenant, so not a business user nor an impersonating admin) holding the health permission, or a loopback peer.</summary>
    public static async Task<bool> MayReadDetailsAsync(HttpContext context)
    {
        // The test server and Unix sockets leave the peer empty: that is not proof of a local caller, so it gets the bare status.
        if (context.Connection.RemoteIpAddress is { } peer && IPAddress.IsLoopback(peer.IsIPv4MappedToIPv6 ? peer.MapToIPv4() : peer))
        {
            return true;
        }

        var user = context.User;
        if (user.Identity?.IsAuthenticated != true || user.HasClaim(c => c.Type == TenantConsts.TenantIdClaimType))
        {
            return false;
        }

        var authorization = context.RequestServices.GetRequiredService<IAuthorizationService>();
        return (await authorization.AuthorizeAsync(user, SmbPermissions.Health.Default)).Succeeded;
    }

    private static async Task<IResult> GetAsync(HttpContext context, HealthSnapshotService health, ILoggerFactory loggers, bool? logMemory, CancellationToken ct)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (!await MayReadDetailsAsync(context))
        {
            var status = await health.GetStatusAsync(ct);
            return Results.Json(new { status }, Json, statusCode: StatusCodeOf(status));
        }

        var snapshot = await health.GetAsync(ct);
        if (logMemory == true)
        {
            var m = snapshot.Memory;
            var logger = loggers.CreateLogger(typeof(HealthEndpoints));
            LogMemory(logger, m.HeapUsedMb, m.HeapTotalMb, m.HeapPercent, m.RssMb, m.Gen0Collections, m.Gen1Collections, m.Gen2Collections);
        }

        return Results.Json(snapshot, Json, statusCode: StatusCodeOf(snapshot.Status));
    }

    private static async Task<IResult> SetAlertsAsync(HealthAlertThresholdsDto input, HealthAlertAppService alerts, CancellationToken ct)
    {
        try
        {
            return Results.Json(await alerts.SetThresholdsAsync(input, ct), Json);
        }
        catch (ValidationException e)
        {
            return Results.ValidationProblem(
                e.Errors.GroupBy(f => JsonNamingPolicy.CamelCase.ConvertName(f.PropertyName)).ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).ToArray()));
        }
    }

    private static int StatusCodeOf(string status) =>
        status == HealthStatuses.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;

    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Memory snapshot: heap {HeapUsedMb} MB of {HeapTotalMb} MB ({HeapPercent} %), RSS {RssMb} MB, GC gen0 {Gen0} gen1 {Gen1} gen2 {Gen2}")]
    private static partial void LogMemory(ILogger logger, double heapUsedMb, double heapTotalMb, double heapPercent, double rssMb, int gen0, int gen1, int gen2);
}
