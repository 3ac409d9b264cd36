using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmbAgent.EntityFrameworkCore.Migrations
{
    /// <inheritdoc />
    public partial class HealthAlertsAndIncidents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "health_alert_settings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    memory_mb = table.Column<int>(type: "integer", nullable: true),
                    redis_consecutive_failures = table.Column<int>(type: "integer", nullable: true),
                    active_sessions = table.Column<int>(type: "integer", nullable: true),
                    failed_jobs = table.Column<int>(type: "integer", nullable: true),
                    last_modification_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_health_alert_settings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "health_incidents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    threshold = table.Column<long>(type: "bigint", nullable: false),
                    observed = table.Column<long>(type: "bigint", nullable: false),
                    peak_observed = table.Column<long>(type: "bigint", nullable: false),
                    opened_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    alert_sent_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    recovery_sent_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_health_incidents", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_health_incidents_kind",
                table: "health_incidents",
                column: "kind",
                unique: true,
                filter: "closed_time IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_health_incidents_opened_time",
                table: "health_incidents",
                column: "opened_time");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "health_alert_settings");

            migrationBuilder.DropTable(
                name: "health_incidents");
        }
    }
}
