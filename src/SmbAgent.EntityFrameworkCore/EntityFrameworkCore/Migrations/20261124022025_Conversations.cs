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

            migrationBuilder.EnableTenantRowLevelSecurity("conversations", nullableTenant: false);
            migrationBuilder.EnableTenantRowLevelSecurity("conversation_messages", nullableTenant: false);
            migrationBuilder.EnableTenantRowLevelSecurity("leads", nullableTenant: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DisableRowLevelSecurity("leads");
            migrationBuilder.DisableRowLevelSecurity("conversation_messages");
            migrationBuilder.DisableRowLevelSecurity("conversations");

            migrationBuilder.DropTable(
                name: "conversation_messages");

            migrationBuilder.DropTable(
                name: "leads");

            migrationBuilder.DropTable(
                name: "conversations");
        }
    }
}
