using SmbAgent.Identity;

namespace SmbAgent.Permissions;

public static class SmbPermissionDefinitions
{
    public static IReadOnlyList<PermissionDefinition> All { get; } =
    [
        new(SmbPermissions.Tenants.Default, "Platform", "See tenants", MultiTenancySides.Host),
        new(SmbPermissions.Tenants.Manage, "Platform", "Manage tenants", MultiTenancySides.Host),
        new(SmbPermissions.Editions.Manage, "Platform", "Manage editions", MultiTenancySides.Host),
        new(SmbPermissions.Jobs.Dashboard, "Platform", "Background jobs dashboard", MultiTenancySides.Host),
        new(SmbPermissions.Health.Default, "Platform", "Health details and alert thresholds", MultiTenancySides.Host),
        new(SmbPermissions.Workspace.Default, "Workspace", "Use the workspace", MultiTenancySides.Tenant),
        new(SmbPermissions.Workspace.ManageSettings, "Workspace", "Edit business and agent settings", MultiTenancySides.Tenant),
        new(SmbPermissions.Workspace.ManageTeam, "Workspace", "Manage the team", MultiTenancySides.Tenant),
        new(SmbPermissions.Workspace.ManagePlan, "Workspace", "Change the plan", MultiTenancySides.Tenant),
        new(SmbPermissions.Workspace.ManagePrivacy, "Workspace", "Set data retention and disclosures, export and erase a contact's data", MultiTenancySides.Tenant),
        new(SmbPermissions.Knowledge.Default, "Knowledge", "See the knowledge base and test questions", MultiTenancySides.Tenant),
        new(SmbPermissions.Knowledge.Manage, "Knowledge", "Add, edit and delete knowledge sources", MultiTenancySides.Tenant),
        new(SmbPermissions.LeadQuestions.Default, "Leads", "See lead questions", MultiTenancySides.Tenant),
        new(SmbPermissions.LeadQuestions.Manage, "Leads", "Edit lead questions", MultiTenancySides.Tenant),
        new(SmbPermissions.Leads.Default, "Leads", "See leads", MultiTenancySides.Tenant),
        new(SmbPermissions.Leads.Manage, "Leads", "Update leads", MultiTenancySides.Tenant),
        new(SmbPermissions.ApiKeys.Manage, "Workspace", "Make and revoke REST API keys", MultiTenancySides.Tenant),
        new(SmbPermissions.Voice.Manage, "Voice", "Connect and test the business's phone numbers", MultiTenancySides.Tenant),
        new(SmbPermissions.Webhooks.Manage, "Integrations", "Manage outbound webhooks and see their deliveries", MultiTenancySides.Tenant),
    ];

    private static readonly Dictionary<string, PermissionDefinition> ByName = All.ToDictionary(p => p.Name, StringComparer.Ordinal);

    public static PermissionDefinition? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>Default grants per role stereotype (OrchardCore's "stereotypes").</summary>
    public static IReadOnlyList<string> DefaultGrants(string roleName, bool isHost) => (roleName, isHost) switch
    {
        (SmbRoles.HostAdmin, true) => [.. All.Where(p => p.Side.HasFlag(MultiTenancySides.Host)).Select(p => p.Name)],
        (SmbRoles.Owner, false) => [.. All.Where(p => p.Side.HasFlag(MultiTenancySides.Tenant)).Select(p => p.Name)],
        (SmbRoles.Staff, false) =>
        [
            SmbPermissions.Workspace.Default,
            SmbPermissions.Knowledge.Default,
            SmbPermissions.LeadQuestions.Default,
            SmbPermissions.Leads.Default,
            SmbPermissions.Leads.Manage,
        ],
        _ => [],
    };
}
