using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SmbAgent.Leads;

public static class LeadManagementServiceCollectionExtensions
{
    /// <summary>The follow-up side of leads: the lists, details, edits and export the admin pages use.</summary>
    public static IServiceCollection AddLeadManagement(this IServiceCollection services)
    {
        services.TryAddScoped<LeadAppService>();
        return services;
    }
}
