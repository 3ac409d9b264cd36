using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.BackgroundJobs;

namespace SmbAgent.Notifications.EmergencyAlerts;

public static class EmergencyAlertServiceCollectionExtensions
{
    /// <summary>The urgent lead's owner call: its outbox, ladder, jobs, webhook handling and the lead page's view of it.</summary>
    public static IServiceCollection AddEmergencyAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmergencyAlertOptions>()
            .Bind(configuration.GetSection(EmergencyAlertOptions.SectionName))
            .Validate(o => o.AcknowledgeTimeout > TimeSpan.Zero, "EmergencyAlerts:AcknowledgeTimeout must be positive.")
            .Validate(o => o.Rounds >= 1, "EmergencyAlerts:Rounds must be at least 1.")
            .Validate(o => o.RingTimeout > TimeSpan.Zero, "EmergencyAlerts:RingTimeout must be positive.")
            .Validate(o => o.TokenLifetime > TimeSpan.Zero, "EmergencyAlerts:TokenLifetime must be positive.");
        services.AddScoped<EmergencyAlertOutbox>();
        services.AddScoped<EmergencyAlertManager>();
        services.AddScoped<EmergencyAlertAppService>();
        services.AddScoped<OwnerAlertCallbackAppService>();
        services.AddScoped<OwnerAlertPrompts>();
        services.AddSingleton<OwnerAlertTokens>();
        services.AddSingleton<OwnerAlertLinks>();
        services.AddBackgroundJob<RingOwnerContactJob, RingOwnerContactArgs>();
        services.AddBackgroundJob<CheckOwnerAcknowledgementJob, CheckOwnerAcknowledgementArgs>();
        return services;
    }
}
