using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.Tenancy;

namespace SmbAgent.ApiKeys;

/// <summary>
/// The current business's REST API keys: made (the whole key returned this once), listed, revoked. PRO only
/// (<see cref="SmbFeatures.Platform.ApiAccess"/>); authorization is on the page.
/// </summary>
public sealed class ApiKeyAppService(
    ISmbAgentDbContext db,
    ICurrentTenant currentTenant,
    IFeatureChecker features,
    IValidator<CreateApiKeyDto> validator,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<ApiKeyDto>> GetListAsync(CancellationToken cancellationToken = default)
    {
        await features.CheckEnabledAsync(SmbFeatures.Platform.ApiAccess, cancellationToken);
        return await db.ApiKeys.AsNoTracking()
            .OrderBy(k => k.RevokedTime != null).ThenByDescending(k => k.CreationTime)
            .Select(k => new ApiKeyDto(k.Id, k.Name, k.Prefix, k.Scope, k.CreatorName, k.CreationTime, k.LastUsedTime, k.RevokedTime))
            .ToListAsync(cancellationToken);
    }

    public async Task<CreatedApiKeyDto> CreateAsync(CreateApiKeyDto input, Guid? creatorId, string? creatorName, CancellationToken cancellationToken = default)
    {
        await validator.ValidateAndThrowAsync(input, cancellationToken);
        await features.CheckEnabledAsync(SmbFeatures.Platform.ApiAccess, cancellationToken);
        var tenantId = currentTenant.Id ?? throw new BusinessException("Tenancy:NoTenant", "API keys belong to a business.", 403);
        var (prefix, key) = ApiKeySecrets.Generate();
        var apiKey = new ApiKey(Guid.CreateVersion7(), tenantId, input.Name!.Trim(), prefix, ApiKeySecrets.Hash(key), input.Scope)
        {
            CreatorId = creatorId,
            CreatorName = creatorName is { Length: > ApiKey.MaxCreatorNameLength } ? creatorName[..ApiKey.MaxCreatorNameLength] : creatorName,
            CreationTime = clock.GetUtcNow(),
        };
        db.ApiKeys.Add(apiKey);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiKeyDto(ToDto(apiKey), key);
    }

    public async Task RevokeAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await features.CheckEnabledAsync(SmbFeatures.Platform.ApiAccess, cancellationToken);
        var apiKey = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken)
                     ?? throw new EntityNotFoundException(nameof(ApiKey), id);
        apiKey.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    private static ApiKeyDto ToDto(ApiKey k) => new(k.Id, k.Name, k.Prefix, k.Scope, k.CreatorName, k.CreationTime, k.LastUsedTime, k.RevokedTime);
}
