using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SmbAgent.Health;

public static class ProviderActivityServiceCollectionExtensions
{
    /// <summary>
    /// The one <see cref="ProviderActivity"/> recorder (and the clock it stamps with), added by every registration of a
    /// provider's client — OpenAI, Twilio, SMTP — so each stands on its own, and by health monitoring, which reads it.
    /// </summary>
    public static IServiceCollection AddProviderActivity(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ProviderActivity>();
        return services;
    }
}
