using Microsoft.EntityFrameworkCore.Migrations;

namespace SmbAgent.EntityFrameworkCore.RowLevelSecurity;

/// <summary>
/// SQL for the third wall. A row is visible and writable only when its tenant is the session's
/// <c>app.tenant_id</c> (empty = host, which matches host rows whose tenant is null), or when the session
/// explicitly bypasses (host code that disabled the tenant filter). FORCE makes the table owner obey too.
/// </summary>
public static class RowLevelSecurityMigrationExtensions
{
    private const string SessionTenant = "NULLIF(current_setting('app.tenant_id', true), '')::uuid";
    private const string Bypass = "COALESCE(current_setting('app.bypass_rls', true), '') = 'on'";

    public static void EnableTenantRowLevelSecurity(this MigrationBuilder migration, string table, bool nullableTenant)
    {
        var match = nullableTenant
            ? $"tenant_id IS NOT DISTINCT FROM {SessionTenant}"
            : $"tenant_id = {SessionTenant}";
        migration.EnablePolicy(table, $"({match}) OR {Bypass}");
    }

    /// <summary>For child tables without a tenant column: visible when their parent row is (RLS applies inside the subquery).</summary>
    public static void EnableParentRowLevelSecurity(this MigrationBuilder migration, string table, string parentTable, string foreignKey) =>
        migration.EnablePolicy(table, $"EXISTS (SELECT 1 FROM {parentTable} p WHERE p.id = {table}.{foreignKey}) OR {Bypass}");

    public static void DisableRowLevelSecurity(this MigrationBuilder migration, string table)
    {
        migration.Sql($"DROP POLICY IF EXISTS tenant_isolation ON {table};");
        migration.Sql($"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY;");
        migration.Sql($"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY;");
    }

    private static void EnablePolicy(this MigrationBuilder migration, string table, string condition)
    {
        migration.Sql($"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;");
        migration.Sql($"ALTER TABLE {table} FORCE ROW LEVEL SECURITY;");
        migration.Sql($"CREATE POLICY tenant_isolation ON {table} USING ({condition}) WITH CHECK ({condition});");
    }
}
