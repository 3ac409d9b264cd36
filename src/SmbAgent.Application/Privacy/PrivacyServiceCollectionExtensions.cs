using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.BackgroundJobs;

namespace SmbAgent.Privacy;

public static class PrivacyServiceCollectionExtensions
{
    /// <summary>Retention, a contact's export and erasure, a business's deletion with its grace period, and the disclosures' settings.</summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PrivacyOptions>()
            .Bind(configuration.GetSection(PrivacyOptions.SectionName))
            .Validate(o => o.TenantDeletionGracePeriod >= TimeSpan.Zero, "Privacy:TenantDeletionGracePeriod must not be negative.")
            .Validate(o => o.DeleteBatchSize > 0, "Privacy:DeleteBatchSize must be positive.");
        services.AddScoped<PrivacySettingsAppService>();
        services.AddScoped<ContactDataAppService>();
        services.AddScoped<TenantDeletionAppService>();
        services.AddBackgroundJob<RetentionJob, ApplyRetentionArgs>();
        services.AddRecurringHostJob<RetentionSchedule>();
        services.AddBackgroundJob<TenantPurgeJob, PurgeDeletedTenantsArgs>();
        services.AddRecurringHostJob<TenantPurgeSchedule>();
        return services;
    }
}
