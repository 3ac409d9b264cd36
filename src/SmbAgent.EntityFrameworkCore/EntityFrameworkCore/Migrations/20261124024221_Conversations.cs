using System;
using Microsoft.EntityFrameworkCore.Migrations;
using SmbAgent.EntityFrameworkCore.RowLevelSecurity;

#nullable disable

namespace SmbAgent.EntityFrameworkCore.Migrations
{
    /// <inheritdoc />
    public partial class Conversations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "widget_key",
                table: "tenants",
                type: "character varying(35)",
                maxLength: 35,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "allowed_origins",
                table: "agent_settings",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'[]'::jsonb");

            migrationBuilder.CreateTable(
                name: "conversations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    channel = table.Column<int>(type: "integer", nullable: false),
                    token_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    visitor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    current_question_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reasked = table.Column<bool>(type: "boolean", nullable: false),
                    answers = table.Column<string>(type: "jsonb", nullable: false),
                    awaiting_details_consent = table.Column<bool>(type: "boolean", nullable: false),
                    counted = table.Column<bool>(type: "boolean", nullable: false),
                    over_quota = table.Column<bool>(type: "boolean", nullable: false),
                    priority = table.Column<int>(type: "integer", nullable: false),
                    is_emergency = table.Column<bool>(type: "boolean", nullable: false),
                    lead_id = table.Column<Guid>(type: "uuid", nullable: true),
                    message_count = table.Column<int>(type: "integer", nullable: false),
                    creation_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_activity_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_conversations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "conversation_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    conversation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    role = table.Column<int>(type: "integer", nullable: false),
                    text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    idempotency_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    citations = table.Column<string>(type: "jsonb", nullable: false),
                    creation_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_conversation_messages", x => x.id);
                    table.ForeignKey(
                        name: "fk_conversation_messages_conversations_conversation_id",
                        column: x => x.conversation_id,
                        principalTable: "conversations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "leads",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    conversation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    channel = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    priority = table.Column<int>(type: "integer", nullable: false),
                    contact_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    answers = table.Column<string>(type: "jsonb", nullable: false),
                    owner_notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    creation_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_modification_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_leads", x => x.id);
                    table.ForeignKey(
                        name: "fk_leads_conversations_conversation_id",
                        column: x => x.conversation_id,
                        principalTable: "conversations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "notification_deliveries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lead_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    channel = table.Column<int>(type: "integer", nullable: false),
                    recipient = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    provider_message_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    creation_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notification_deliveries", x => x.id);
                    table.ForeignKey(
                        name: "fk_notification_deliveries_leads_lead_id",
                        column: x => x.lead_id,
                        principalTable: "leads",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Existing businesses get their key here; new ones get it from the Tenant constructor.
            migrationBuilder.Sql("UPDATE tenants SET widget_key = 'wk_' || replace(gen_random_uuid()::text, '-', '')");

            migrationBuilder.CreateIndex(
                name: "ix_tenants_widget_key",
                table: "tenants",
                column: "widget_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_conversation_messages_conversation_id_idempotency_key",
                table: "conversation_messages",
                columns: new[] { "conversation_id", "idempotency_key" },
                unique: true,
                filter: "idempotency_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_conversation_messages_conversation_id_sequence",
                table: "conversation_messages",
                columns: new[] { "conversation_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_conversations_tenant_id_last_activity_time",
                table: "conversations",
                columns: new[] { "tenant_id", "last_activity_time" });

            migrationBuilder.CreateIndex(
                name: "ix_conversations_token_hash",
                table: "conversations",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_leads_conversation_id",
                table: "leads",
                column: "conversation_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_leads_tenant_id_creation_time",
                table: "leads",
                columns: new[] { "tenant_id", "creation_time" });

            migrationBuilder.CreateIndex(
                name: "ix_leads_tenant_id_status_priority",
                table: "leads",
                columns: new[] { "tenant_id", "status", "priority" });

            migrationBuilder.CreateIndex(
                name: "ix_notification_deliveries_lead_id_creation_time",
                table: "notification_deliveries",
                columns: new[] { "lead_id", "creation_time" });

            migrationBuilder.CreateIndex(
                name: "ix_notification_deliveries_status_creation_time",
                table: "notification_deliveries",
                columns: new[] { "status", "creation_time" },
                filter: "status = 0");

            migrationBuilder.EnableTenantRowLevelSecurity("conversations", nullableTenant: false);
            migrationBuilder.EnableTenantRowLevelSecurity("conversation_messages", nullableTenant: false);
            migrationBuilder.EnableTenantRowLevelSecurity("leads", nullableTenant: false);
            migrationBuilder.EnableTenantRowLevelSecurity("notification_deliveries", nullableTenant: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DisableRowLevelSecurity("notification_deliveries");
            migrationBuilder.DisableRowLevelSecurity("leads");
            migrationBuilder.DisableRowLevelSecurity("conversation_messages");
            migrationBuilder.DisableRowLevelSecurity("conversations");

            migrationBuilder.DropTable(
                name: "conversation_messages");

            migrationBuilder.DropTable(
                name: "notification_deliveries");

            migrationBuilder.DropTable(
                name: "leads");

            migrationBuilder.DropTable(
                name: "conversations");

            migrationBuilder.DropIndex(
                name: "ix_tenants_widget_key",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "widget_key",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "allowed_origins",
                table: "agent_settings");
        }
    }
}
