using SmbAgent.Features;

namespace SmbAgent.HostAdmin;

public sealed record EditionListItem(Guid Id, string Name, string DisplayName, int SortOrder, int TenantCount);

public sealed record EditionFeatureValue(FeatureDefinition Definition, string Value, bool IsSet);

public sealed record EditionDetails(Guid Id, string Name, string DisplayName, int SortOrder, int TenantCount, IReadOnlyList<EditionFeatureValue> Features);

public sealed record CreateEditionInput(string Name, string DisplayName, int SortOrder);

/// <summary>New display name, sort order and one value per feature (by feature name).</summary>
public sealed record UpdateEditionInput(string DisplayName, int SortOrder, IReadOnlyDictionary<string, string?> Values);
