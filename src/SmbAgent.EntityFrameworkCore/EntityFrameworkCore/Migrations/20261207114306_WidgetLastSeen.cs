using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmbAgent.EntityFrameworkCore.Migrations
{
    /// <inheritdoc />
    public partial class WidgetLastSeen : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "widget_last_seen_origin",
                table: "agent_settings",
                type: "character varying(269)",
                maxLength: 269,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "widget_last_seen_time",
                table: "agent_settings",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "widget_last_seen_origin",
                table: "agent_settings");

            migrationBuilder.DropColumn(
                name: "widget_last_seen_time",
                table: "agent_settings");
        }
    }
}
