using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.BackgroundJobs;
using SmbAgent.Notifications.EmergencyAlerts;
using SmbAgent.Notifications.Sms;

namespace SmbAgent.Notifications;

public static class NotificationServiceCollectionExtensions
{
    /// <summary>The lead and human-request outboxes, the urgent lead's owner call, the job that delivers them, the SMS client it uses and the owner's notification settings.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSms(configuration);
        services.AddScoped<OwnerContacts>();
        services.AddScoped<LeadNotificationOutbox>();
        services.AddScoped<NotificationSettingsAppService>();
        services.AddScoped<HumanRequestOutbox>();
        services.AddScoped<NotificationDeliveryAppService>();
        services.AddBackgroundJob<DeliverNotificationJob, DeliverNotificationArgs>();
        services.AddEmergencyAlerts(configuration);
        return services;
    }
}
