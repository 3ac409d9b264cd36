using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmbAgent.EntityFrameworkCore.Migrations
{
    /// <inheritdoc />
    public partial class ConversationTakeover : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "lead_id",
                table: "notification_deliveries",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<Guid>(
                name: "conversation_id",
                table: "notification_deliveries",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "human_requested_time",
                table: "conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "resume_state",
                table: "conversations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "taken_over_by_user_id",
                table: "conversations",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_notification_deliveries_conversation_id_creation_time",
                table: "notification_deliveries",
                columns: new[] { "conversation_id", "creation_time" });

            migrationBuilder.AddCheckConstraint(
                name: "ck_notification_deliveries_about",
                table: "notification_deliveries",
                sql: "lead_id IS NOT NULL OR conversation_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_conversations_tenant_id_human_requested_time",
                table: "conversations",
                columns: new[] { "tenant_id", "human_requested_time" },
                filter: "human_requested_time IS NOT NULL");

            migrationBuilder.AddForeignKey(
                name: "fk_notification_deliveries_conversations_conversation_id",
                table: "notification_deliveries",
                column: "conversation_id",
                principalTable: "conversations",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_notification_deliveries_conversations_conversation_id",
                table: "notification_deliveries");

            migrationBuilder.DropIndex(
                name: "ix_notification_deliveries_conversation_id_creation_time",
                table: "notification_deliveries");

            migrationBuilder.DropCheckConstraint(
                name: "ck_notification_deliveries_about",
                table: "notification_deliveries");

            migrationBuilder.DropIndex(
                name: "ix_conversations_tenant_id_human_requested_time",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "conversation_id",
                table: "notification_deliveries");

            migrationBuilder.DropColumn(
                name: "human_requested_time",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "resume_state",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "taken_over_by_user_id",
                table: "conversations");

            migrationBuilder.AlterColumn<Guid>(
                name: "lead_id",
                table: "notification_deliveries",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
