using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace SmbAgent.Notifications.Sms;

public static class SmsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ISmsSender"/>: <see cref="TwilioSmsSender"/> as a typed HTTP client with its resilience
    /// handler when <c>Twilio:AccountSid</c> is set (the rest of the section is validated at start), otherwise
    /// <see cref="DisabledSmsSender"/>.
    /// </summary>
    public static IServiceCollection AddSms(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(TwilioOptions.SectionName);
        services.AddOptions<TwilioOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TwilioOptions>, TwilioOptionsValidator>());

        if (!(section.Get<TwilioOptions>() ?? new TwilioOptions()).IsConfigured)
        {
            services.AddSingleton<ISmsSender, DisabledSmsSender>();
            return services;
        }

        // The resilience pipeline owns every time limit.
        services.AddHttpClient<ISmsSender, TwilioSmsSender>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            // The Authorization header carries the auth token; the framework redacts header values by default, this keeps it so.
            .RedactLoggedHeaders(_ => true)
            // A connection that never opened sent nothing, so it is retried; without its own limit a silent network
            // would use up the attempt's time, and a timed-out attempt is never retried.
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                ConnectTimeout = sp.GetRequiredService<IOptions<TwilioOptions>>().Value.AttemptTimeout / 2,
            })
            .AddResilienceHandler("twilio", (pipeline, context) =>
                Configure(pipeline, context.ServiceProvider.GetRequiredService<IOptions<TwilioOptions>>().Value));
        return services;
    }

    private static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, TwilioOptions options)
    {
        pipeline.AddTimeout(options.TotalTimeout);
        if (options.MaxRetryAttempts > 0)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                ShouldHandle = arguments => ValueTask.FromResult(TwilioRetryPolicy.ShouldRetry(arguments.Outcome, options.MaxRetryAfter)),
                ShouldRetryAfterHeader = false,
                DelayGenerator = TwilioRetryPolicy.RetryAfterDelay,
            });
        }

        pipeline.AddTimeout(options.AttemptTimeout);
    }
}
