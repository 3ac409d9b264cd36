namespace SmbAgent.Permissions;

/// <summary>A permission declared in code. Its name is also the authorization policy name.</summary>
public sealed record PermissionDefinition(
    string Name,
    string Group,
    string DisplayName,
    MultiTenancySides Side,
    IReadOnlyList<string> RequiredFeatures)
{
    public PermissionDefinition(string name, string group, string displayName, MultiTenancySides side)
        : this(name, group, displayName, side, [])
    {
    }
}
