namespace SmbAgent.Permissions;

/// <summary>Permission names; definitions and role stereotypes are in <see cref="SmbPermissionDefinitions"/>.</summary>
public static class SmbPermissions
{
    public const string ClaimType = "permission";

    public static class Tenants
    {
        public const string Default = "Host.Tenants";
        public const string Manage = "Host.Tenants.Manage";
    }

    public static class Editions
    {
        public const string Manage = "Host.Editions.Manage";
    }

    public static class Jobs
    {
        public const string Dashboard = "Host.Jobs.Dashboard";
    }

    public static class Health
    {
        public const string Default = "Host.Health";
    }

    public static class Workspace
    {
        public const string Default = "Workspace";
        public const string ManageSettings = "Workspace.Settings";
        public const string ManageTeam = "Workspace.Team";
        public const string ManagePlan = "Workspace.Plan";
        public const string ManagePrivacy = "Workspace.Privacy";
    }

    public static class LeadQuestions
    {
        public const string Default = "LeadQuestions";
        public const string Manage = "LeadQuestions.Manage";
    }

    public static class Knowledge
    {
        public const string Default = "Knowledge";
        public const string Manage = "Knowledge.Manage";
    }

    public static class Leads
    {
        public const string Default = "Leads";
        public const string Manage = "Leads.Manage";
    }

    public static class ApiKeys
    {
        public const string Manage = "ApiKeys.Manage";
    }

    public static class Voice
    {
        public const string Manage = "Voice.Manage";
    }

    public static class Webhooks
    {
        public const string Manage = "Webhooks.Manage";
    }
}
