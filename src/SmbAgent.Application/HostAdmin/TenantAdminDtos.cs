using SmbAgent.Features;

namespace SmbAgent.HostAdmin;

public enum TenantSort
{
    Name,
    NameDescending,
    Created,
    CreatedDescending,
    Edition,
    EditionDescending,
}

public sealed record TenantListQuery(string? Search = null, TenantSort Sort = TenantSort.Name, int Page = 1);

/// <param name="DeletionDueTime">When a scheduled deletion purges the tenant's data; null when none is scheduled.</param>
public sealed record TenantListItem(Guid Id, string Name, string EditionName, bool IsActive, DateTimeOffset CreationTime, int UserCount, DateTimeOffset? DeletionDueTime = null);

/// <summary>Where a tenant's effective feature value comes from (ABP's provider order: tenant → edition → default).</summary>
public enum FeatureValueSource
{
    Default,
    Edition,
    Override,
}

public sealed record TenantFeatureState(FeatureDefinition Definition, string EffectiveValue, FeatureValueSource Source, string InheritedValue);

public sealed record TenantDetails(
    Guid Id,
    string Name,
    Guid EditionId,
    string EditionName,
    bool IsActive,
    DateTimeOffset CreationTime,
    IReadOnlyList<TenantFeatureState> Features,
    DateTimeOffset? DeletionDueTime = null);

public sealed record CreateTenantInput(string Name, string EditionName, string OwnerEmail, string OwnerPassword);

public sealed record EditionOption(Guid Id, string Name, string DisplayName);
