using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using SmbAgent.Data;
using SmbAgent.Tenancy;

namespace SmbAgent.Workspace;

/// <summary>Reads and saves the current tenant's business profile, renaming the tenant with it.</summary>
public sealed class BusinessProfileAppService(
    ISmbAgentDbContext db,
    ICurrentTenant currentTenant,
    ITenantStore tenantStore,
    TenantManager tenantManager,
    IValidator<BusinessProfileInput> validator,
    WorkspaceSettingsCache workspace)
{
    public async Task<BusinessProfileInput> GetAsync(CancellationToken cancellationToken = default)
    {
        var tenant = await FindTenantAsync(cancellationToken);
        var profile = await FindProfileAsync(cancellationToken);
        return new BusinessProfileInput
        {
            Name = tenant.Name,
            Type = profile.Type,
            TimeZone = profile.TimeZone,
            Country = profile.Country,
            Address = profile.Address,
            Website = profile.Website,
            Phone = profile.Phone,
            Hours = [.. CompleteWeek(profile.Hours).Select(h => new BusinessHoursInput { Day = h.Day, IsOpen = h.IsOpen, Opens = h.Opens, Closes = h.Closes })],
            Holidays = [.. profile.Holidays.OrderBy(h => h.Date).Select(h => new HolidayInput { Date = h.Date, Name = h.Name })],
            Contacts = [.. profile.Contacts.Select(c => new ContactInput { Kind = c.Kind, Value = c.Value, Name = c.Name })],
        };
    }

    /// <summary>Validates (throwing <see cref="ValidationException"/> with the fields' paths) and saves.</summary>
    public async Task UpdateAsync(BusinessProfileInput input, CancellationToken cancellationToken = default)
    {
        await validator.ValidateAndThrowAsync(input, cancellationToken);
        var tenantId = RequireTenant();
        var name = input.Name!.Trim();
        if (await tenantManager.IsNameTakenAsync(name, tenantId, cancellationToken))
        {
            throw new ValidationException([new ValidationFailure(nameof(input.Name), $"A business named '{name}' already exists.")]);
        }

        var profile = await FindProfileAsync(cancellationToken);
        var country = input.Country!.Trim().ToUpperInvariant();
        profile.Type = input.Type;
        profile.TimeZone = input.TimeZone!.Trim();
        profile.Country = country;
        profile.Address = Blank(input.Address);
        profile.Website = Blank(input.Website);
        profile.Phone = E164PhoneNumbers.Normalize(input.Phone, country);
        profile.Hours = [.. input.Hours.OrderBy(h => h.Day).Select(h => new BusinessHours(h.Day, h.IsOpen, h.Opens, h.Closes))];
        profile.Holidays = [.. input.Holidays.OrderBy(h => h.Date).Select(h => new Holiday(h.Date!.Value, h.Name!.Trim()))];
        profile.Contacts = [.. input.Contacts.Select(c => new NotificationContact(
            c.Kind,
            c.Kind == ContactKind.Phone ? E164PhoneNumbers.Normalize(c.Value, country)! : c.Value!.Trim(),
            Blank(c.Name)))];
        await db.SaveChangesAsync(cancellationToken);
        await workspace.InvalidateAsync(cancellationToken);

        var tenant = await FindTenantAsync(cancellationToken);
        if (tenant.Name != name)
        {
            var oldName = tenant.Name;
            // Tenants are host data: written from the host scope.
            using (currentTenant.Change(null))
            {
                tenant.Rename(name);
                await db.SaveChangesAsync(cancellationToken);
            }

            await tenantStore.InvalidateAsync(tenantId, oldName, cancellationToken);
        }
    }

    private static List<BusinessHours> CompleteWeek(List<BusinessHours> hours)
    {
        var defaults = BusinessHours.DefaultWeek();
        return [.. defaults.Select(d => hours.FirstOrDefault(h => h.Day == d.Day) ?? d with { IsOpen = false })];
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private Guid RequireTenant() =>
        currentTenant.Id ?? throw new BusinessException("Tenancy:NoTenant", "The business profile belongs to a business.", 403);

    private async Task<Tenant> FindTenantAsync(CancellationToken cancellationToken)
    {
        var tenantId = RequireTenant();
        return await db.Tenants.FirstOrDefaultAsync(t => t.Id == tenantId, cancellationToken)
               ?? throw new EntityNotFoundException(nameof(Tenant), tenantId);
    }

    private async Task<BusinessProfile> FindProfileAsync(CancellationToken cancellationToken) =>
        await db.BusinessProfiles.FirstOrDefaultAsync(cancellationToken)
        ?? throw new EntityNotFoundException(nameof(BusinessProfile), RequireTenant());
}
