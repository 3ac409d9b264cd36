using System;
using Microsoft.EntityFrameworkCore.Migrations;
using SmbAgent.EntityFrameworkCore.RowLevelSecurity;

#nullable disable

namespace SmbAgent.EntityFrameworkCore.Migrations
{
    /// <inheritdoc />
    public partial class Workspace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "agent_settings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agent_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    persona = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    welcome_message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    chat_completion_message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    voice_completion_message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    emergency_message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    widget_primary_color = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    widget_accent_color = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    widget_position = table.Column<int>(type: "integer", nullable: false),
                    voice = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    voice_language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    use_premium_voice = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agent_settings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_log_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    details = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    impersonator_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    ip_address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_log_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "business_profiles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<int>(type: "integer", nullable: false),
                    time_zone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    website = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    hours = table.Column<string>(type: "jsonb", nullable: false),
                    holidays = table.Column<string>(type: "jsonb", nullable: false),
                    contacts = table.Column<string>(type: "jsonb", nullable: false),
                    creation_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_business_profiles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "platform_settings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    allow_self_service_plan_change = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_platform_settings", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_agent_settings_tenant_id",
                table: "agent_settings",
                column: "tenant_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_entries_tenant_id_time",
                table: "audit_log_entries",
                columns: new[] { "tenant_id", "time" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_entries_time",
                table: "audit_log_entries",
                column: "time");

            migrationBuilder.CreateIndex(
                name: "ix_business_profiles_tenant_id",
                table: "business_profiles",
                column: "tenant_id",
                unique: true);

            migrationBuilder.EnableTenantRowLevelSecurity("business_profiles", nullableTenant: false);
            migrationBuilder.EnableTenantRowLevelSecurity("agent_settings", nullableTenant: false);
            migrationBuilder.EnableTenantRowLevelSecurity("audit_log_entries", nullableTenant: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agent_settings");

            migrationBuilder.DropTable(
                name: "audit_log_entries");

            migrationBuilder.DropTable(
                name: "business_profiles");

            migrationBuilder.DropTable(
                name: "platform_settings");
        }
    }
}
