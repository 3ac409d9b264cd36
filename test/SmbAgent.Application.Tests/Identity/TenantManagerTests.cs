using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Data;
using SmbAgent.EntityFrameworkCore;
using SmbAgent.Identity;
using SmbAgent.Permissions;
using SmbAgent.Tenancy;
using SmbAgent.TestKit;

namespace SmbAgent.Application.Tests.Identity;

public sealed class TenantManagerTests(CoreFixture fixture) : IClassFixture<CoreFixture>
{
    [Fact]
    public async Task A_new_tenant_gets_its_roles_with_their_grants_and_an_owner()
    {
        var email = $"owner-{Guid.NewGuid():N}@example.com";
        var tenant = await fixture.CreateTenantAsync(ownerEmail: email);

        var (roles, ownerRoles, ownerGrants, staffGrants) = await fixture.InTenantAsync(tenant.Id, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var store = sp.GetRequiredService<IPermissionStore>();
            var owner = await users.FindByEmailAsync(email);
            return (
                await sp.GetRequiredService<SmbAgentDbContext>().Roles.Select(r => r.Name!).OrderBy(n => n).ToListAsync(),
                await users.GetRolesAsync(owner!),
                await store.GetGrantedAsync(SmbRoles.Owner),
                await store.GetGrantedAsync(SmbRoles.Staff));
        });

        roles.ShouldBe([SmbRoles.Owner, SmbRoles.Staff]);
        ownerRoles.ShouldBe([SmbRoles.Owner]);
        ownerGrants.ShouldContain(SmbPermissions.LeadQuestions.Manage);
        ownerGrants.ShouldNotContain(SmbPermissions.Tenants.Manage);
        staffGrants.ShouldContain(SmbPermissions.LeadQuestions.Default);
        staffGrants.ShouldNotContain(SmbPermissions.LeadQuestions.Manage);
    }

    [Fact]
    public async Task A_duplicate_business_name_is_refused_whatever_its_case()
    {
        var name = Names.Business("Dupe");
        await fixture.CreateTenantAsync(name);

        var refused = await Should.ThrowAsync<BusinessException>(() => fixture.CreateTenantAsync($"  {name.ToUpperInvariant()} "));

        refused.Code.ShouldBe("Tenants:DuplicateName");
        refused.Status.ShouldBe(409);
    }

    [Fact]
    public async Task A_weak_owner_password_leaves_no_half_made_tenant()
    {
        var name = Names.Business("Weak");

        var refused = await Should.ThrowAsync<BusinessException>(() => fixture.CreateTenantAsync(name, ownerPassword: "short"));
        var exists = await fixture.InTenantAsync(null, sp => sp.GetRequiredService<SmbAgentDbContext>().Tenants.AnyAsync(t => t.NormalizedName == Tenant.NormalizeName(name)));

        refused.Code.ShouldBe("Identity:Invalid");
        exists.ShouldBeFalse();
    }

    [Fact]
    public async Task Lockout_follows_repeated_failed_sign_ins()
    {
        var email = $"owner-{Guid.NewGuid():N}@example.com";
        var password = Passwords.New();
        var tenant = await fixture.CreateTenantAsync(ownerEmail: email, ownerPassword: password);

        var results = new List<SignInResult>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            results.Add(await fixture.InTenantAsync(null, sp =>
                sp.GetRequiredService<AccountSignInService>().PasswordSignInAsync(tenant.Name, email, "Wrong-password-1", false)));
        }

        var withRightPassword = await fixture.InTenantAsync(null, sp =>
            sp.GetRequiredService<AccountSignInService>().PasswordSignInAsync(tenant.Name, email, password, false));

        results.ShouldAllBe(r => !r.Succeeded);
        results[^1].IsLockedOut.ShouldBeTrue();
        withRightPassword.IsLockedOut.ShouldBeTrue();
        withRightPassword.Succeeded.ShouldBeFalse();
    }
}
