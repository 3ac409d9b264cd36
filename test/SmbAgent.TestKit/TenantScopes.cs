using Microsoft.Extensions.DependencyInjection;
using SmbAgent.BackgroundJobs;
using SmbAgent.Tenancy;

namespace SmbAgent.TestKit;

/// <summary>Work done the way the product does it: in a fresh DI scope, inside one tenant (null = the host).</summary>
public static class TenantScopes
{
    /// <summary>Runs <paramref name="action"/> as one request of the tenant would.</summary>
    public static async Task<T> InTenantAsync<T>(this IServiceProvider services, Guid? tenantId, Func<IServiceProvider, Task<T>> action)
    {
        using var tenant = services.GetRequiredService<ICurrentTenant>().Change(tenantId);
        await using var scope = services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public static Task InTenantAsync(this IServiceProvider services, Guid? tenantId, Func<IServiceProvider, Task> action) =>
        services.InTenantAsync(tenantId, async sp =>
        {
            await action(sp);
            return true;
        });

    /// <summary>One run of a job, as a Hangfire worker makes it: the tenant's job runner in a fresh scope; a failure throws.</summary>
    public static async Task RunJobAsync<TArgs>(this IServiceProvider services, Guid? tenantId, TArgs args)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TenantJobRunner>().RunAsync(tenantId, args, CancellationToken.None);
    }
}
