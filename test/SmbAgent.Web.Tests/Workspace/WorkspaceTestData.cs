using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.EntityFrameworkCore;
using SmbAgent.Features;
using SmbAgent.Identity;
using SmbAgent.Tenancy;
using SmbAgent.TestKit;

namespace SmbAgent.Web.Tests.Workspace;

/// <summary>Arranges tenants for workspace tests through the real services, as the host admin would.</summary>
public static class WorkspaceTestData
{
    /// <summary>A staff member of <paramref name="owner"/>'s business, with a password.</summary>
    public static async Task<TenantOwner> CreateStaffAsync(this WebHostFactory factory, TenantOwner owner)
    {
        var email = $"staff-{Guid.NewGuid():N}@example.com";
        var password = Passwords.New();
        await InTenantAsync(factory, owner.TenantId, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser(Guid.CreateVersion7(), owner.TenantId, email, email) { EmailConfirmed = true };
            (await users.CreateAsync(user, password)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, SmbRoles.Staff)).Succeeded.ShouldBeTrue();
        });
        return owner with { Email = email, Password = password };
    }

    public static Task ChangeEditionAsync(this WebHostFactory factory, Guid tenantId, string editionName) =>
        InTenantAsync(factory, null, async sp =>
        {
            var editionId = await sp.GetRequiredService<SmbAgentDbContext>().Editions.Where(e => e.Name == editionName).Select(e => e.Id).SingleAsync();
            await sp.GetRequiredService<FeatureManager>().ChangeEditionAsync(tenantId, editionId);
        });

    public static Task SetFeatureAsync(this WebHostFactory factory, Guid tenantId, string feature, string value) =>
        InTenantAsync(factory, null, sp => sp.GetRequiredService<FeatureManager>().SetForTenantAsync(tenantId, feature, value));

    /// <summary>Reads with the tenant filter on, as the tenant's own pages do.</summary>
    public static async Task<T> InTenantAsync<T>(this WebHostFactory factory, Guid? tenantId, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId))
        {
            return await action(scope.ServiceProvider);
        }
    }

    public static Task InTenantAsync(this WebHostFactory factory, Guid? tenantId, Func<IServiceProvider, Task> action) =>
        InTenantAsync(factory, tenantId, async sp =>
        {
            await action(sp);
            return true;
        });

    /// <summary>Signs in and GETs <paramref name="path"/>, expecting the page.</summary>
    public static async Task<string> OpenAsync(this Browser browser, string path)
    {
        var (status, html, _) = await browser.GetPageAsync(path);
        status.ShouldBe(System.Net.HttpStatusCode.OK, html);
        return html;
    }
}
