using Microsoft.EntityFrameworkCore.Migrations;
using SmbAgent.EntityFrameworkCore.RowLevelSecurity;

#nullable disable

namespace SmbAgent.EntityFrameworkCore.Migrations;

/// <inheritdoc />
public partial class RowLevelSecurity : Migration
{
    private static readonly string[] TenantTables = ["lead_questions", "usage_counters"];
    private static readonly string[] SharedTables = ["users", "roles"];
    private static readonly (string Table, string Parent, string ForeignKey)[] ChildTables =
    [
        ("user_roles", "users", "user_id"),
        ("user_claims", "users", "user_id"),
        ("user_logins", "users", "user_id"),
        ("user_tokens", "users", "user_id"),
        ("role_claims", "roles", "role_id"),
    ];

    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var table in TenantTables)
        {
            migrationBuilder.EnableTenantRowLevelSecurity(table, nullableTenant: false);
        }

        foreach (var table in SharedTables)
        {
            migrationBuilder.EnableTenantRowLevelSecurity(table, nullableTenant: true);
        }

        foreach (var (table, parent, foreignKey) in ChildTables)
        {
            migrationBuilder.EnableParentRowLevelSecurity(table, parent, foreignKey);
        }
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in TenantTables.Concat(SharedTables).Concat(ChildTables.Select(c => c.Table)))
        {
            migrationBuilder.DisableRowLevelSecurity(table);
        }
    }
}
