using System;
using Microsoft.EntityFrameworkCore.Migrations;
using SmbAgent.EntityFrameworkCore.RowLevelSecurity;

#nullable disable

namespace SmbAgent.EntityFrameworkCore.Migrations
{
    /// <inheritdoc />
    public partial class AnalyticsRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "analytics_daily_breakdowns",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    dimension = table.Column<int>(type: "integer", nullable: false),
                    key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analytics_daily_breakdowns", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "analytics_daily_rollups",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    channel = table.Column<int>(type: "integer", nullable: false),
                    conversations = table.Column<int>(type: "integer", nullable: false),
                    leads = table.Column<int>(type: "integer", nullable: false),
                    emergencies = table.Column<int>(type: "integer", nullable: false),
                    answered_turns = table.Column<int>(type: "integer", nullable: false),
                    not_found_turns = table.Column<int>(type: "integer", nullable: false),
                    calls = table.Column<int>(type: "integer", nullable: false),
                    call_seconds = table.Column<int>(type: "integer", nullable: false),
                    computed_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analytics_daily_rollups", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "unanswered_questions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    conversation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    channel = table.Column<int>(type: "integer", nullable: false),
                    text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    asked_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    embedding = table.Column<float[]>(type: "real[]", nullable: true),
                    embedding_model = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    resolved_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    faq_source_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unanswered_questions", x => x.id);
                    table.ForeignKey(
                        name: "fk_unanswered_questions_conversation_messages_message_id",
                        column: x => x.message_id,
                        principalTable: "conversation_messages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_analytics_daily_breakdowns_tenant_id_dimension_day_key",
                table: "analytics_daily_breakdowns",
                columns: new[] { "tenant_id", "dimension", "day", "key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_analytics_daily_rollups_tenant_id_day_channel",
                table: "analytics_daily_rollups",
                columns: new[] { "tenant_id", "day", "channel" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_unanswered_questions_message_id",
                table: "unanswered_questions",
                column: "message_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_unanswered_questions_tenant_id_day",
                table: "unanswered_questions",
                columns: new[] { "tenant_id", "day" },
                filter: "resolved_time IS NULL");

            migrationBuilder.EnableTenantRowLevelSecurity("analytics_daily_rollups", nullableTenant: false);
            migrationBuilder.EnableTenantRowLevelSecurity("analytics_daily_breakdowns", nullableTenant: false);
            migrationBuilder.EnableTenantRowLevelSecurity("unanswered_questions", nullableTenant: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DisableRowLevelSecurity("analytics_daily_rollups");
            migrationBuilder.DisableRowLevelSecurity("analytics_daily_breakdowns");
            migrationBuilder.DisableRowLevelSecurity("unanswered_questions");

            migrationBuilder.DropTable(
                name: "analytics_daily_breakdowns");

            migrationBuilder.DropTable(
                name: "analytics_daily_rollups");

            migrationBuilder.DropTable(
                name: "unanswered_questions");
        }
    }
}
