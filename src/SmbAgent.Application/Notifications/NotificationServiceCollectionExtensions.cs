using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.BackgroundJobs;
using SmbAgent.Notifications.Sms;

namespace SmbAgent.Notifications;

public static class NotificationServiceCollectionExtensions
{
    /// <summary>The lead outbox, the job that delivers it, the SMS client it uses and the owner's notification settings.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSms(configuration);
        services.AddScoped<LeadNotificationOutbox>();
        services.AddScoped<NotificationSettingsAppService>();
        services.AddBackgroundJob<DeliverNotificationJob, DeliverNotificationArgs>();
        return services;
    }
}
