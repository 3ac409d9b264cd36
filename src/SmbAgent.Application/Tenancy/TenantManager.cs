using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.Identity;
using SmbAgent.Workspace;

namespace SmbAgent.Tenancy;

/// <summary>
/// Creates tenants: the host row, the tenant's seed (roles and grants), then its owner; and the one place that says
/// whether a business name is free (names are unique by their normalized form).
/// </summary>
public sealed class TenantManager(
    ISmbAgentDbContext db,
    IDataSeeder seeder,
    ICurrentTenant currentTenant,
    UserManager<AppUser> users,
    ITenantStore tenantStore,
    TimeProvider clock)
{
    public async Task<Tenant> CreateAsync(CreateTenantRequest request, CancellationToken cancellationToken = default)
    {
        await EnsureNameIsFreeAsync(request.Name, cancellationToken: cancellationToken);

        var editionName = request.EditionName ?? EditionMatrix.Free;
        var edition = await db.Editions.FirstOrDefaultAsync(e => e.Name == editionName, cancellationToken)
                      ?? throw new BusinessException("Tenants:UnknownEdition", $"There is no edition '{editionName}'.");

        var tenant = new Tenant(Guid.CreateVersion7(), request.Name, edition.Id) { CreationTime = clock.GetUtcNow() };
        var owner = new AppUser(Guid.CreateVersion7(), tenant.Id, request.OwnerEmail, request.OwnerEmail)
        {
            DisplayName = request.OwnerName,
            EmailConfirmed = request.OwnerEmailConfirmed,
        };

        // Validate the owner before anything is written, so a weak password leaves no half-made tenant.
        using (currentTenant.Change(tenant.Id, tenant.Name))
        {
            await ValidateOwnerAsync(owner, request.OwnerPassword);
        }

        db.Tenants.Add(tenant);
        await db.SaveChangesAsync(cancellationToken);
        await tenantStore.InvalidateAsync(tenant.Id, tenant.Name, cancellationToken);

        await seeder.SeedAsync(
            new DataSeedContext(tenant.Id)
            {
                Properties = new Dictionary<string, string?>
                {
                    [WorkspaceDataSeedContributor.BusinessTypeProperty] = request.BusinessType.ToString(),
                    [WorkspaceDataSeedContributor.TimeZoneProperty] = request.TimeZone,
                    [WorkspaceDataSeedContributor.CountryProperty] = request.Country,
                },
            },
            cancellationToken);

        using (currentTenant.Change(tenant.Id, tenant.Name))
        {
            Check(await users.CreateAsync(owner, request.OwnerPassword));
            Check(await users.AddToRoleAsync(owner, SmbRoles.Owner));
        }

        return tenant;
    }

    /// <summary>Whether another business (any but <paramref name="exceptId"/>) already has this name.</summary>
    public async Task<bool> IsNameTakenAsync(string name, Guid? exceptId = null, CancellationToken cancellationToken = default)
    {
        var normalized = Tenant.NormalizeName(name);
        return await db.Tenants.AnyAsync(t => t.NormalizedName == normalized && t.Id != exceptId, cancellationToken);
    }

    /// <summary>Throws the 409 <c>Tenants:DuplicateName</c> when <see cref="IsNameTakenAsync"/>.</summary>
    public async Task EnsureNameIsFreeAsync(string name, Guid? exceptId = null, CancellationToken cancellationToken = default)
    {
        if (await IsNameTakenAsync(name, exceptId, cancellationToken))
        {
            throw new BusinessException("Tenants:DuplicateName", $"A business named '{name.Trim()}' already exists.", 409);
        }
    }

    private async Task ValidateOwnerAsync(AppUser owner, string password)
    {
        foreach (var validator in users.UserValidators)
        {
            Check(await validator.ValidateAsync(users, owner));
        }

        foreach (var validator in users.PasswordValidators)
        {
            Check(await validator.ValidateAsync(users, owner, password));
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new BusinessException("Identity:Invalid", string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}

public sealed record CreateTenantRequest(
    string Name,
    string OwnerEmail,
    string OwnerPassword,
    string? OwnerName = null,
    string? EditionName = null,
    bool OwnerEmailConfirmed = false,
    BusinessType BusinessType = BusinessType.Other,
    string TimeZone = "UTC",
    string Country = "US");
