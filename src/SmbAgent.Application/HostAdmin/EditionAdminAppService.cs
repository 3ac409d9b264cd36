using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SmbAgent.Auditing;
using SmbAgent.Data;
using SmbAgent.Features;

namespace SmbAgent.HostAdmin;

/// <summary>Editions are data: the platform admin adds them, sets their feature values and deletes unused ones.</summary>
public sealed class EditionAdminAppService(
    ISmbAgentDbContext db,
    FeatureManager featureManager,
    IValidator<CreateEditionInput> createValidator,
    IValidator<UpdateEditionInput> updateValidator,
    IAuditLogger audit)
{
    public async Task<IReadOnlyList<EditionListItem>> GetListAsync(CancellationToken cancellationToken = default) =>
        await db.Editions.AsNoTracking()
            .OrderBy(e => e.SortOrder).ThenBy(e => e.Name)
            .Select(e => new EditionListItem(e.Id, e.Name, e.DisplayName, e.SortOrder, db.Tenants.Count(t => t.EditionId == e.Id)))
            .ToListAsync(cancellationToken);

    public async Task<EditionDetails?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (edition is null)
        {
            return null;
        }

        var values = await db.FeatureValues.AsNoTracking()
            .Where(v => v.ProviderName == FeatureValueProviders.Edition && v.ProviderKey == id)
            .ToDictionaryAsync(v => v.Name, v => v.Value, cancellationToken);
        var tenantCount = await db.Tenants.CountAsync(t => t.EditionId == id, cancellationToken);
        return new EditionDetails(
            edition.Id,
            edition.Name,
            edition.DisplayName,
            edition.SortOrder,
            tenantCount,
            [.. SmbFeatureDefinitions.All.Select(d => values.TryGetValue(d.Name, out var value)
                ? new EditionFeatureValue(d, value, IsSet: true)
                : new EditionFeatureValue(d, d.DefaultValue, IsSet: false))]);
    }

    public async Task<Guid> CreateAsync(CreateEditionInput input, CancellationToken cancellationToken = default)
    {
        await createValidator.ValidateAndThrowAsync(input, cancellationToken);
        var name = input.Name.Trim().ToUpperInvariant();
        if (await db.Editions.AnyAsync(e => e.Name == name, cancellationToken))
        {
            throw new BusinessException("Editions:DuplicateName", $"An edition with the code {name} already exists.", 409);
        }

        var edition = new Edition(Guid.CreateVersion7(), name, input.DisplayName.Trim(), input.SortOrder);
        db.Editions.Add(edition);
        await db.SaveChangesAsync(cancellationToken);
        await audit.LogAsync(AuditActions.EditionSaved, $"edition {edition.Name} created", cancellationToken);
        return edition.Id;
    }

    public async Task UpdateAsync(Guid id, UpdateEditionInput input, CancellationToken cancellationToken = default)
    {
        await updateValidator.ValidateAndThrowAsync(input, cancellationToken);
        var edition = await FindAsync(id, cancellationToken);
        edition.DisplayName = input.DisplayName.Trim();
        edition.SortOrder = input.SortOrder;
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (name, value) in input.Values)
        {
            await featureManager.SetForEditionAsync(id, name, value!, cancellationToken);
        }

        await audit.LogAsync(
            AuditActions.EditionSaved,
            $"edition {edition.Name}: " + string.Join(", ", input.Values.Select(v => $"{v.Key}={v.Value}")),
            cancellationToken);
    }

    /// <summary>Deletes an edition no tenant uses. FREE stays: sign-up puts every new business on it.</summary>
    public async Task DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var edition = await FindAsync(id, cancellationToken);
        if (edition.Name == EditionMatrix.Free)
        {
            throw new BusinessException("Editions:SignUpEdition", "FREE is the edition every sign-up starts on; it cannot be deleted.", 409);
        }

        var used = await db.Tenants.CountAsync(t => t.EditionId == id, cancellationToken);
        if (used > 0)
        {
            throw new BusinessException(
                "Editions:InUse",
                $"{edition.DisplayName} is used by {used} {(used == 1 ? "tenant" : "tenants")}. Move them to another edition before deleting it.",
                409);
        }

        await db.FeatureValues
            .Where(v => v.ProviderName == FeatureValueProviders.Edition && v.ProviderKey == id)
            .ExecuteDeleteAsync(cancellationToken);
        db.Editions.Remove(edition);
        await db.SaveChangesAsync(cancellationToken);
        await audit.LogAsync(AuditActions.EditionDeleted, $"edition {edition.Name}", cancellationToken);
    }

    private async Task<Edition> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Editions.FirstOrDefaultAsync(e => e.Id == id, cancellationToken)
        ?? throw new EntityNotFoundException(nameof(Edition), id);
}
