namespace SmbAgent.Features;

/// <summary>A plan (FREE, BASIC, PRO, or one a platform admin adds). Host data; its values are <see cref="FeatureValue"/> rows.</summary>
public sealed class Edition
{
    public const int MaxNameLength = 32;
    public const int MaxDisplayNameLength = 64;

    private Edition()
    {
        Name = string.Empty;
        DisplayName = string.Empty;
    }

    public Edition(Guid id, string name, string displayName, int sortOrder)
    {
        Id = id;
        Name = name.Trim().ToUpperInvariant();
        DisplayName = displayName;
        SortOrder = sortOrder;
    }

    public Guid Id { get; private set; }

    /// <summary>Stable upper-case code, e.g. <c>PRO</c>.</summary>
    public string Name { get; private set; }

    public string DisplayName { get; set; }

    public int SortOrder { get; set; }
}
