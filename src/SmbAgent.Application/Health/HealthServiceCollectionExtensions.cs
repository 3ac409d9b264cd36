using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SmbAgent.BackgroundJobs;

namespace SmbAgent.Health;

public static class HealthServiceCollectionExtensions
{
    /// <summary>Health checks, the figures <c>/health</c> reports, the providers' activity recorder and the alert job.</summary>
    public static IServiceCollection AddHealthMonitoring(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HealthOptions>()
            .Bind(configuration.GetSection(HealthOptions.SectionName))
            .Validate(o => o.ActiveSessionWindow > TimeSpan.Zero, "Health:ActiveSessionWindow must be positive.")
            .ValidateOnStart();
        services.AddProviderActivity();
        services.AddSingleton<RedisConnectionMonitor>();
        services.AddSingleton<FallbackSessions>();
        services.AddScoped<HealthSnapshotService>();
        services.AddScoped<TurnTimingHealth>();
        services.AddScoped<HealthAlertAppService>();
        services.AddScoped<BusinessHealthAppService>();
        services.AddScoped<SessionCleanup>();
        services.AddSingleton<RedisStatistics>();
        services.AddBackgroundJob<HealthAlertJob, EvaluateHealthAlertsArgs>();
        services.AddRecurringHostJob<HealthAlertSchedule>();
        services.AddHealthChecks()
            .AddCheck<RedisHealthCheck>("redis", HealthStatus.Degraded, ["ready"])
            .AddCheck<JobServerHealthCheck>("jobs", HealthStatus.Degraded, ["ready"]);
        return services;
    }
}
