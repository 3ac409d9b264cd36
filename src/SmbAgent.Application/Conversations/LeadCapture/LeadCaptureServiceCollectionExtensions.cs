using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SmbAgent.Conversations.LeadCapture;

public static class LeadCaptureServiceCollectionExtensions
{
    /// <summary>
    /// The answer validator: stateless, so one instance serves every conversation. Its clock is the application's
    /// <see cref="TimeProvider"/> (tests replace it); <see cref="LeadFieldMapper"/> is a pure static function and needs no registration.
    /// </summary>
    public static IServiceCollection AddLeadCapture(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<LeadAnswerValidator>();
        return services;
    }
}
