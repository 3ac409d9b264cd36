using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmbAgent.EntityFrameworkCore.Migrations
{
    /// <inheritdoc />
    public partial class TurnTimings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "model_milliseconds",
                table: "conversation_messages",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "retrieval_milliseconds",
                table: "conversation_messages",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "speech_milliseconds",
                table: "conversation_messages",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "model_milliseconds",
                table: "conversation_messages");

            migrationBuilder.DropColumn(
                name: "retrieval_milliseconds",
                table: "conversation_messages");

            migrationBuilder.DropColumn(
                name: "speech_milliseconds",
                table: "conversation_messages");
        }
    }
}
