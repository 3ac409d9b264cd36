using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmbAgent.BackgroundJobs;

namespace SmbAgent.Webhooks;

public static class WebhookServiceCollectionExtensions
{
    /// <summary>Subscriptions, the outbox the hook points write to, the guarded sender and the delivery job.</summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>()
            .Bind(configuration.GetSection(WebhookOptions.SectionName))
            .Validate(o => o.MaxAttempts >= 1, "Webhooks:MaxAttempts must be at least 1.")
            .Validate(o => o.RetryBaseDelay >= TimeSpan.Zero, "Webhooks:RetryBaseDelay can't be negative.")
            .Validate(o => o.AttemptTimeout > TimeSpan.Zero, "Webhooks:AttemptTimeout must be positive.");
        services.AddHttpClient(WebhookSender.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => WebhookSender.CreateHandler(sp.GetRequiredService<IOptions<WebhookOptions>>().Value));
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<WebhookTargetPolicy>();
        services.AddTransient<WebhookSender>();
        services.AddScoped<WebhookOutbox>();
        services.AddScoped<WebhookAppService>();
        services.AddBackgroundJob<DeliverWebhookJob, DeliverWebhookArgs>();
        return services;
    }
}
