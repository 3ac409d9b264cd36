namespace SmbAgent.Workspace;

public enum ChecklistStatus
{
    Done = 0,
    Missing = 1,

    /// <summary>Arrives with a later release; nothing to do yet.</summary>
    ComingSoon = 2,
}

/// <summary>One step of getting the agent ready; <see cref="Page"/> is where to do it (null when not yet possible).</summary>
public sealed record ChecklistItem(string Title, string Hint, ChecklistStatus Status, string? Page);

public enum UsageLevel
{
    Normal = 0,

    /// <summary>At 80 % of the limit or more.</summary>
    Warning = 1,

    /// <summary>At 95 % of the limit or more.</summary>
    Critical = 2,
}

/// <summary>How much of a limit is used; <see cref="Limit"/> 0 means unlimited.</summary>
public sealed record UsageMeter(string Title, long Used, long Limit)
{
    public bool IsUnlimited => Limit == 0;

    public int Percent => IsUnlimited ? 0 : (int)Math.Min(100, Used * 100 / Limit);

    public UsageLevel Level => IsUnlimited ? UsageLevel.Normal
        : Used * 100 >= Limit * 95 ? UsageLevel.Critical
        : Used * 100 >= Limit * 80 ? UsageLevel.Warning
        : UsageLevel.Normal;
}

public sealed record SetupChecklist(string BusinessName, string EditionName, IReadOnlyList<ChecklistItem> Items, IReadOnlyList<UsageMeter> Usage)
{
    public int DoneCount => Items.Count(i => i.Status == ChecklistStatus.Done);

    public int ActionableCount => Items.Count(i => i.Status != ChecklistStatus.ComingSoon);
}
