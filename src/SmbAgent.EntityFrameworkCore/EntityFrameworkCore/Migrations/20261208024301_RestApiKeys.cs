using System;
using Microsoft.EntityFrameworkCore.Migrations;
using SmbAgent.EntityFrameworkCore.RowLevelSecurity;

#nullable disable

namespace SmbAgent.EntityFrameworkCore.Migrations
{
    /// <inheritdoc />
    public partial class RestApiKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "api_keys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    prefix = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    secret_hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    scope = table.Column<int>(type: "integer", nullable: false),
                    creator_id = table.Column<Guid>(type: "uuid", nullable: true),
                    creator_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    creation_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_used_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revoked_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_keys", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_prefix",
                table: "api_keys",
                column: "prefix",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_tenant_id_creation_time",
                table: "api_keys",
                columns: new[] { "tenant_id", "creation_time" });

            migrationBuilder.EnableTenantRowLevelSecurity("api_keys", nullableTenant: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DisableRowLevelSecurity("api_keys");

            migrationBuilder.DropTable(
                name: "api_keys");
        }
    }
}
