using System;
using Microsoft.EntityFrameworkCore.Migrations;
using SmbAgent.EntityFrameworkCore.RowLevelSecurity;

#nullable disable

namespace SmbAgent.EntityFrameworkCore.Migrations
{
    /// <inheritdoc />
    public partial class NotificationSettingsAndEmergencyWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "send_visitor_confirmation",
                table: "business_profiles",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "emergency_words",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    phrase = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    creation_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_emergency_words", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_notification_deliveries_recipient_creation_time",
                table: "notification_deliveries",
                columns: new[] { "recipient", "creation_time" },
                filter: "kind = 1");

            migrationBuilder.CreateIndex(
                name: "ix_emergency_words_tenant_id_phrase",
                table: "emergency_words",
                columns: new[] { "tenant_id", "phrase" },
                unique: true);

            migrationBuilder.EnableTenantRowLevelSecurity("emergency_words", nullableTenant: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DisableRowLevelSecurity("emergency_words");

            migrationBuilder.DropTable(
                name: "emergency_words");

            migrationBuilder.DropIndex(
                name: "ix_notification_deliveries_recipient_creation_time",
                table: "notification_deliveries");

            migrationBuilder.DropColumn(
                name: "send_visitor_confirmation",
                table: "business_profiles");
        }
    }
}
