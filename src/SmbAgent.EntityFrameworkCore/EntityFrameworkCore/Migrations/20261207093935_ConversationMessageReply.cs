using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmbAgent.EntityFrameworkCore.Migrations
{
    /// <inheritdoc />
    public partial class ConversationMessageReply : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "reply",
                table: "conversation_messages",
                type: "jsonb",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "reply",
                table: "conversation_messages");
        }
    }
}
