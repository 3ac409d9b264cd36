using System;
using Microsoft.EntityFrameworkCore.Migrations;
using SmbAgent.EntityFrameworkCore.RowLevelSecurity;

#nullable disable

namespace SmbAgent.EntityFrameworkCore.Migrations
{
    /// <inheritdoc />
    public partial class VoiceLine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "call_logs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    call_sid = table.Column<string>(type: "character varying(34)", maxLength: 34, nullable: false),
                    direction = table.Column<int>(type: "integer", nullable: false),
                    from = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    to = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    start_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    end_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    duration_seconds = table.Column<int>(type: "integer", nullable: true),
                    recording_sid = table.Column<string>(type: "character varying(34)", maxLength: 34, nullable: true),
                    recording_url = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    transcript = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    conversation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    lead_id = table.Column<Guid>(type: "uuid", nullable: true),
                    silences = table.Column<int>(type: "integer", nullable: false),
                    minutes_counted = table.Column<bool>(type: "boolean", nullable: false),
                    creation_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_call_logs", x => x.id);
                    table.ForeignKey(
                        name: "fk_call_logs_conversations_conversation_id",
                        column: x => x.conversation_id,
                        principalTable: "conversations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_call_logs_leads_lead_id",
                        column: x => x.lead_id,
                        principalTable: "leads",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "call_status_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    call_sid = table.Column<string>(type: "character varying(34)", maxLength: 34, nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    creation_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_call_status_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "development_outbox",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    sid = table.Column<string>(type: "character varying(34)", maxLength: 34, nullable: false),
                    to = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    from = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    body = table.Column<string>(type: "text", nullable: false),
                    callback_url = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    creation_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_development_outbox", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "emergency_alerts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lead_id = table.Column<Guid>(type: "uuid", nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    round = table.Column<int>(type: "integer", nullable: false),
                    contact_index = table.Column<int>(type: "integer", nullable: false),
                    acknowledged_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    acknowledged_channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    acknowledged_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    creation_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_emergency_alerts", x => x.id);
                    table.ForeignKey(
                        name: "fk_emergency_alerts_leads_lead_id",
                        column: x => x.lead_id,
                        principalTable: "leads",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "phone_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    account_sid = table.Column<string>(type: "character varying(34)", maxLength: 34, nullable: false),
                    protected_auth_token = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    forward_to = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    say_voice = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    premium_voice = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    last_test_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_test_problem = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    creation_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_phone_lines", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "speech_audio",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    voice = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    model = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    content_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    creation_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_used_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_speech_audio", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "emergency_alert_attempts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    alert_id = table.Column<Guid>(type: "uuid", nullable: false),
                    round = table.Column<int>(type: "integer", nullable: false),
                    contact_index = table.Column<int>(type: "integer", nullable: false),
                    recipient = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    call_sid = table.Column<string>(type: "character varying(34)", maxLength: 34, nullable: true),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    creation_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    answered_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_emergency_alert_attempts", x => x.id);
                    table.ForeignKey(
                        name: "fk_emergency_alert_attempts_emergency_alerts_alert_id",
                        column: x => x.alert_id,
                        principalTable: "emergency_alerts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_call_logs_call_sid",
                table: "call_logs",
                column: "call_sid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_call_logs_conversation_id",
                table: "call_logs",
                column: "conversation_id");

            migrationBuilder.CreateIndex(
                name: "ix_call_logs_lead_id",
                table: "call_logs",
                column: "lead_id",
                filter: "lead_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_call_logs_tenant_id_creation_time",
                table: "call_logs",
                columns: new[] { "tenant_id", "creation_time" });

            migrationBuilder.CreateIndex(
                name: "ix_call_status_events_call_sid_status",
                table: "call_status_events",
                columns: new[] { "call_sid", "status" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_development_outbox_creation_time",
                table: "development_outbox",
                column: "creation_time");

            migrationBuilder.CreateIndex(
                name: "ix_development_outbox_sid",
                table: "development_outbox",
                column: "sid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_emergency_alert_attempts_alert_id_round_contact_index",
                table: "emergency_alert_attempts",
                columns: new[] { "alert_id", "round", "contact_index" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_emergency_alert_attempts_call_sid",
                table: "emergency_alert_attempts",
                column: "call_sid",
                unique: true,
                filter: "call_sid IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_emergency_alerts_lead_id",
                table: "emergency_alerts",
                column: "lead_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_phone_lines_number",
                table: "phone_lines",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_phone_lines_tenant_id",
                table: "phone_lines",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_speech_audio_last_used_time",
                table: "speech_audio",
                column: "last_used_time");

            migrationBuilder.CreateIndex(
                name: "ix_speech_audio_tenant_id_hash",
                table: "speech_audio",
                columns: new[] { "tenant_id", "hash" },
                unique: true);

            migrationBuilder.EnableTenantRowLevelSecurity("phone_lines", nullableTenant: false);
            migrationBuilder.EnableTenantRowLevelSecurity("call_logs", nullableTenant: false);
            migrationBuilder.EnableTenantRowLevelSecurity("call_status_events", nullableTenant: false);
            migrationBuilder.EnableTenantRowLevelSecurity("speech_audio", nullableTenant: false);
            migrationBuilder.EnableTenantRowLevelSecurity("emergency_alerts", nullableTenant: false);
            migrationBuilder.EnableTenantRowLevelSecurity("emergency_alert_attempts", nullableTenant: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DisableRowLevelSecurity("phone_lines");
            migrationBuilder.DisableRowLevelSecurity("call_logs");
            migrationBuilder.DisableRowLevelSecurity("call_status_events");
            migrationBuilder.DisableRowLevelSecurity("speech_audio");
            migrationBuilder.DisableRowLevelSecurity("emergency_alerts");
            migrationBuilder.DisableRowLevelSecurity("emergency_alert_attempts");

            migrationBuilder.DropTable(
                name: "call_logs");

            migrationBuilder.DropTable(
                name: "call_status_events");

            migrationBuilder.DropTable(
                name: "development_outbox");

            migrationBuilder.DropTable(
                name: "emergency_alert_attempts");

            migrationBuilder.DropTable(
                name: "phone_lines");

            migrationBuilder.DropTable(
                name: "speech_audio");

            migrationBuilder.DropTable(
                name: "emergency_alerts");
        }
    }
}
