using Microsoft.Extensions.DependencyInjection;

namespace SmbAgent.HostAdmin;

public static class HostAdminServiceCollectionExtensions
{
    /// <summary>The platform admin's console services (validators are picked up with the assembly's others).</summary>
    public static IServiceCollection AddHostAdmin(this IServiceCollection services)
    {
        services.AddScoped<TenantAdminAppService>();
        services.AddScoped<EditionAdminAppService>();
        services.AddScoped<AuditLogAppService>();
        services.AddScoped<PlatformSettingsAppService>();
        services.AddScoped<ImpersonationService>();
        return services;
    }
}
