using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Tenancy;

namespace SmbAgent.TestKit;

/// <summary>A business and the credentials of its owner.</summary>
public sealed record TenantOwner(Guid TenantId, string Name, string Email, string Password);

public static class TestTenants
{
    /// <summary>Creates a business and its owner through the real <see cref="TenantManager"/> of <paramref name="services"/>.</summary>
    public static async Task<TenantOwner> CreateAsync(
        IServiceProvider services,
        string? name = null,
        string? edition = null,
        string? ownerEmail = null,
        string? ownerPassword = null)
    {
        var email = ownerEmail ?? $"owner-{Guid.NewGuid():N}@example.com";
        var password = ownerPassword ?? Passwords.New();
        await using var scope = services.CreateAsyncScope();
        var tenant = await scope.ServiceProvider.GetRequiredService<TenantManager>()
            .CreateAsync(new CreateTenantRequest(name ?? Names.Business(), email, password, "Owner", edition));
        return new TenantOwner(tenant.Id, tenant.Name, email, password);
    }
}
