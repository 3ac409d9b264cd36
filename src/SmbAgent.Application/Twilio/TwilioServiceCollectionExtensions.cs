using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using SmbAgent.Health;
using SmbAgent.Twilio.DevelopmentOutbox;

namespace SmbAgent.Twilio;

public static class TwilioServiceCollectionExtensions
{
    /// <summary>
    /// The platform's Twilio account: options checked at start, one named HTTP client with its resilience handler
    /// under the SDK's REST clients (<see cref="TwilioRestClients"/>), the account check, and the outbound call placer —
    /// the Calls API, the development outbox with <see cref="TwilioOptions.DevelopmentOutbox"/>, or a disabled placer
    /// without <c>Twilio:AccountSid</c>. Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddTwilio(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddProviderActivity();
        if (services.Any(service => service.ServiceType == typeof(TwilioRestClients)))
        {
            return services;
        }

        var section = configuration.GetSection(TwilioOptions.SectionName);
        services.AddOptions<TwilioOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TwilioOptions>, TwilioOptionsValidator>());
        services.AddSingleton<TwilioRestClients>();
        services.AddSingleton<ITwilioAccountCheck, TwilioAccountCheck>();
        AddHttpClient(services);

        var settings = Settings(configuration);
        if (!settings.IsConfigured)
        {
            services.AddSingleton<IOutboundCallPlacer, DisabledOutboundCallPlacer>();
        }
        else if (settings.DevelopmentOutbox)
        {
            services.AddSingleton<DevelopmentOutboxWriter>();
            services.AddSingleton<IOutboundCallPlacer, DevelopmentOutboxCallPlacer>();
        }
        else
        {
            services.AddSingleton<IOutboundCallPlacer, TwilioCallPlacer>();
        }

        return services;
    }

    internal static TwilioOptions Settings(IConfiguration configuration) =>
        configuration.GetSection(TwilioOptions.SectionName).Get<TwilioOptions>() ?? new TwilioOptions();

    private static void AddHttpClient(IServiceCollection services)
    {
        // The resilience pipeline and the exchange handler own every time limit.
        var client = services.AddHttpClient(TwilioRestClients.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            // The Authorization header carries the auth token; the framework redacts header values by default, this keeps it so.
            .RedactLoggedHeaders(_ => true)
            // A connection that never opened sent nothing, so it is retried; without its own limit a silent network
            // would use up the attempt's time, and a timed-out attempt is never retried.
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                ConnectTimeout = Options(sp).AttemptTimeout / 2,
                AllowAutoRedirect = false,
            })
            // Outermost, so a request and its retries count once, as the caller saw them.
            .AddHttpMessageHandler(sp => new Health.ProviderActivityHandler(sp.GetRequiredService<Health.ProviderActivity>(), Health.ProviderActivity.Twilio))
            .AddHttpMessageHandler(sp => new TwilioExchangeHandler(Options(sp).AttemptTimeout));
        client.AddResilienceHandler("twilio", (pipeline, context) => Configure(pipeline, Options(context.ServiceProvider)));
        client.AddHttpMessageHandler(sp => new TwilioBaseUrlHandler(Options(sp).BaseUrl));
    }

    private static TwilioOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<TwilioOptions>>().Value;

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
