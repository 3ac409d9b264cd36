using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.BackgroundJobs.StalledWork;

namespace SmbAgent.BackgroundJobs;

public static class BackgroundJobServiceCollectionExtensions
{
    public static IServiceCollection AddBackgroundJob<TJob, TArgs>(this IServiceCollection services)
        where TJob : class, IBackgroundJob<TArgs> =>
        services.AddTransient<IBackgroundJob<TArgs>, TJob>();

    /// <summary>A recurring host job, registered with the job server when the API host starts.</summary>
    public static IServiceCollection AddRecurringHostJob<TJob>(this IServiceCollection services)
        where TJob : class, IRecurringHostJob =>
        services.AddTransient<IRecurringHostJob, TJob>();

    /// <summary>The recurring sweep that queues again work left Pending with no job behind it.</summary>
    public static IServiceCollection AddStalledWorkSweep(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StalledWorkSweepOptions>()
            .Bind(configuration.GetSection(StalledWorkSweepOptions.SectionName))
            .Validate(o => o.SweepAfter > TimeSpan.Zero, "BackgroundJobs:SweepAfter must be positive.");
        services.AddBackgroundJob<StalledWorkSweepJob, SweepStalledWorkArgs>();
        services.AddRecurringHostJob<StalledWorkSweepSchedule>();
        return services;
    }
}
