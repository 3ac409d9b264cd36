using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Twilio;
using SmbAgent.Twilio.DevelopmentOutbox;

namespace SmbAgent.Notifications.Sms;

public static class SmsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ISmsSender"/> on the platform's Twilio account (<see cref="TwilioServiceCollectionExtensions.AddTwilio"/>):
    /// <see cref="TwilioSmsSender"/> when <c>Twilio:AccountSid</c> is set, <see cref="DevelopmentOutboxSmsSender"/> when
    /// <c>Twilio:DevelopmentOutbox</c> is also on, otherwise <see cref="DisabledSmsSender"/>.
    /// </summary>
    public static IServiceCollection AddSms(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddTwilio(configuration);
        var settings = TwilioServiceCollectionExtensions.Settings(configuration);
        if (!settings.IsConfigured)
        {
            services.AddSingleton<ISmsSender, DisabledSmsSender>();
        }
        else if (settings.DevelopmentOutbox)
        {
            services.AddSingleton<ISmsSender, DevelopmentOutboxSmsSender>();
        }
        else
        {
            services.AddSingleton<ISmsSender, TwilioSmsSender>();
        }

        return services;
    }
}
