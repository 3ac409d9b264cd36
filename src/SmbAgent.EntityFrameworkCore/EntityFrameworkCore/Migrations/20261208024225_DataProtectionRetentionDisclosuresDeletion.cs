using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmbAgent.EntityFrameworkCore.Migrations
{
    /// <inheritdoc />
    public partial class DataProtectionRetentionDisclosuresDeletion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "deletion_due_time",
                table: "tenants",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ai_disclosure",
                table: "agent_settings",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "conversation_retention_days",
                table: "agent_settings",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "recording_disclosure",
                table: "agent_settings",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "recording_retention_days",
                table: "agent_settings",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "deletion_due_time",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "ai_disclosure",
                table: "agent_settings");

            migrationBuilder.DropColumn(
                name: "conversation_retention_days",
                table: "agent_settings");

            migrationBuilder.DropColumn(
                name: "recording_disclosure",
                table: "agent_settings");

            migrationBuilder.DropColumn(
                name: "recording_retention_days",
                table: "agent_settings");
        }
    }
}
