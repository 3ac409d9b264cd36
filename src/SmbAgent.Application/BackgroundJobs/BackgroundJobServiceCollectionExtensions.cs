using Microsoft.Extensions.DependencyInjection;

namespace SmbAgent.BackgroundJobs;

public static class BackgroundJobServiceCollectionExtensions
{
    public static IServiceCollection AddBackgroundJob<TJob, TArgs>(this IServiceCollection services)
        where TJob : class, IBackgroundJob<TArgs> =>
        services.AddTransient<IBackgroundJob<TArgs>, TJob>();
}
