using SmbAgent.Features;
using SmbAgent.Permissions;

namespace SmbAgent.Web.Navigation;

/// <summary>The admin's sidebar, one list per side. Later issues add their pages here.</summary>
public static class AdminMenu
{
    public static IReadOnlyList<MenuItem> Tenant { get; } =
    [
        new("Home", "/Index", "bi-house", SmbPermissions.Workspace.Default),
        new("Business profile", "/Workspace/Profile", "bi-shop", SmbPermissions.Workspace.ManageSettings),
        new("Agent", "/Workspace/Agent", "bi-robot", SmbPermissions.Workspace.ManageSettings),
        new("Install", "/Workspace/Install", "bi-code-slash", SmbPermissions.Workspace.ManageSettings),
        new("Phone", "/Workspace/Phone", "bi-telephone-plus", SmbPermissions.Voice.Manage, SmbFeatures.Voice.Agent),
        new("Knowledge", "/Workspace/Knowledge/Index", "bi-book", SmbPermissions.Knowledge.Default),
        new("Leads", "/Workspace/Leads/Index", "bi-person-lines-fill", SmbPermissions.Leads.Default),
        new("Conversations", "/Workspace/Conversations/Index", "bi-chat-dots", SmbPermissions.Leads.Default),
        new("Calls", "/Workspace/Calls/Index", "bi-telephone", SmbPermissions.Leads.Default, SmbFeatures.Voice.Agent),
        new("Analytics", "/Workspace/Analytics", "bi-graph-up", SmbPermissions.Leads.Default),
        new("Lead questions", "/Workspace/Questions", "bi-list-check", SmbPermissions.LeadQuestions.Default),
        new("Emergency words", "/Workspace/EmergencyWords", "bi-exclamation-triangle", SmbPermissions.Workspace.ManageSettings),
        new("Notifications", "/Workspace/Notifications", "bi-bell", SmbPermissions.Workspace.ManageSettings),
        new("API keys", "/Workspace/ApiKeys", "bi-key", SmbPermissions.ApiKeys.Manage, SmbFeatures.Platform.ApiAccess),
        new("Webhooks", "/Workspace/Webhooks/Index", "bi-broadcast", SmbPermissions.Webhooks.Manage, SmbFeatures.Platform.ApiAccess),
        new("Health", "/Workspace/Health", "bi-heart-pulse", SmbPermissions.Workspace.ManageSettings, SmbFeatures.Platform.HealthPage),
        new("Team", "/Workspace/Team", "bi-people", SmbPermissions.Workspace.ManageTeam),
        new("Privacy", "/Workspace/Privacy", "bi-shield-lock", SmbPermissions.Workspace.ManagePrivacy),
        new("Plan", "/Workspace/Plan", "bi-stars", SmbPermissions.Workspace.Default),
    ];

    public static IReadOnlyList<MenuItem> Host { get; } =
    [
        new("Tenants", "/Host/Tenants/Index", "bi-buildings", SmbPermissions.Tenants.Default),
        new("Editions", "/Host/Editions/Index", "bi-layers", SmbPermissions.Editions.Manage),
        new("Audit log", "/Host/AuditLog", "bi-journal-text", SmbPermissions.Tenants.Default),
        new("Platform settings", "/Host/Settings", "bi-sliders", SmbPermissions.Tenants.Manage),
        new("Health", "/Host/Health", "bi-heart-pulse", SmbPermissions.Health.Default),
    ];
}
