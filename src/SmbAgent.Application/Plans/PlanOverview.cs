using SmbAgent.Features;

namespace SmbAgent.Plans;

public sealed record PlanEdition(Guid Id, string Name, string DisplayName, bool IsCurrent);

/// <summary>One feature across the editions; <see cref="Values"/> are in the order of <see cref="PlanOverview.Editions"/>.</summary>
public sealed record PlanFeatureRow(FeatureDefinition Feature, IReadOnlyList<string> Values);

public sealed record PlanOverview(
    PlanEdition? Current,
    IReadOnlyList<PlanEdition> Editions,
    IReadOnlyList<PlanFeatureRow> Features,
    bool SelfServiceAllowed);
