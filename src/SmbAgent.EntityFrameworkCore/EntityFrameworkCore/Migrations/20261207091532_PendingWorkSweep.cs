using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmbAgent.EntityFrameworkCore.Migrations
{
    /// <inheritdoc />
    public partial class PendingWorkSweep : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_attempt_time",
                table: "notification_deliveries",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_queued_time",
                table: "notification_deliveries",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_queued_time",
                table: "kb_sources",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_kb_sources_status_last_queued_time",
                table: "kb_sources",
                columns: new[] { "status", "last_queued_time" },
                filter: "status = 0");

            // A delivery tried before the sweep existed has Hangfire's retries behind it: not the sweep's. Row-level
            // security hides every row from the migration's session unless it bypasses, for this transaction only.
            migrationBuilder.Sql("""
                SELECT set_config('app.bypass_rls', 'on', true);
                UPDATE notification_deliveries SET last_attempt_time = COALESCE(sent_time, creation_time) WHERE attempts > 0;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_kb_sources_status_last_queued_time",
                table: "kb_sources");

            migrationBuilder.DropColumn(
                name: "last_attempt_time",
                table: "notification_deliveries");

            migrationBuilder.DropColumn(
                name: "last_queued_time",
                table: "notification_deliveries");

            migrationBuilder.DropColumn(
                name: "last_queued_time",
                table: "kb_sources");
        }
    }
}
