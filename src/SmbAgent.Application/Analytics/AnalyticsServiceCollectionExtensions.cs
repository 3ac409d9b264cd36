using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.BackgroundJobs;

namespace SmbAgent.Analytics;

public static class AnalyticsServiceCollectionExtensions
{
    /// <summary>The analytics page's service, the roll-up and its recurring job.</summary>
    public static IServiceCollection AddAnalytics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AnalyticsOptions>()
            .Bind(configuration.GetSection(AnalyticsOptions.SectionName))
            .Validate(o => o.GroupSimilarity is > 0 and <= 1, "Analytics:GroupSimilarity must be above 0 and at most 1.");
        services.AddScoped<AnalyticsRollupService>();
        services.AddScoped<AnalyticsAppService>();
        services.AddBackgroundJob<RollUpAnalyticsJob, RollUpAnalyticsArgs>();
        services.AddBackgroundJob<ScheduleAnalyticsRollupsJob, ScheduleAnalyticsRollupsArgs>();
        services.AddRecurringHostJob<AnalyticsRollupSchedule>();
        return services;
    }
}
