using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;
using Pgvector;
using SmbAgent.EntityFrameworkCore.RowLevelSecurity;

#nullable disable

namespace SmbAgent.EntityFrameworkCore.Migrations
{
    /// <inheritdoc />
    public partial class KnowledgeBase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:vector", ",,");

            migrationBuilder.CreateTable(
                name: "kb_sources",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    origin = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    failure_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    chunk_count = table.Column<int>(type: "integer", nullable: false),
                    content = table.Column<string>(type: "text", nullable: false),
                    file = table.Column<byte[]>(type: "bytea", nullable: true),
                    content_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    embedding_model = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    creation_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_modification_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    indexed_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    is_deleted = table.Column<bool>(type: "boolean", nullable: false),
                    deletion_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kb_sources", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "kb_chunks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    source_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    token_count = table.Column<int>(type: "integer", nullable: false),
                    ts_config = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true, computedColumnSql: "CASE ts_config WHEN 'english' THEN to_tsvector('english'::regconfig, text) WHEN 'spanish' THEN to_tsvector('spanish'::regconfig, text) WHEN 'french' THEN to_tsvector('french'::regconfig, text) WHEN 'german' THEN to_tsvector('german'::regconfig, text) WHEN 'italian' THEN to_tsvector('italian'::regconfig, text) WHEN 'portuguese' THEN to_tsvector('portuguese'::regconfig, text) ELSE to_tsvector('simple'::regconfig, text) END", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kb_chunks", x => x.id);
                    table.ForeignKey(
                        name: "fk_kb_chunks_knowledge_sources_source_id",
                        column: x => x.source_id,
                        principalTable: "kb_sources",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "kb_chunk_embeddings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    chunk_id = table.Column<Guid>(type: "uuid", nullable: false),
                    model = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    dimensions = table.Column<int>(type: "integer", nullable: false),
                    embedding = table.Column<Vector>(type: "vector", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kb_chunk_embeddings", x => x.id);
                    table.ForeignKey(
                        name: "fk_kb_chunk_embeddings_knowledge_chunks_chunk_id",
                        column: x => x.chunk_id,
                        principalTable: "kb_chunks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_kb_chunk_embeddings_chunk_id_model",
                table: "kb_chunk_embeddings",
                columns: new[] { "chunk_id", "model" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_kb_chunk_embeddings_tenant_id_model",
                table: "kb_chunk_embeddings",
                columns: new[] { "tenant_id", "model" });

            migrationBuilder.CreateIndex(
                name: "ix_kb_chunks_search_vector",
                table: "kb_chunks",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "ix_kb_chunks_source_id_position",
                table: "kb_chunks",
                columns: new[] { "source_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_kb_chunks_tenant_id",
                table: "kb_chunks",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_kb_sources_tenant_id_creation_time",
                table: "kb_sources",
                columns: new[] { "tenant_id", "creation_time" });

            // One HNSW index per embedding model, over a cast to that model's dimension: the column itself is
            // dimensionless so vectors of the old and new model coexist while the provider changes.
            migrationBuilder.Sql("""
                CREATE INDEX ix_kb_chunk_embeddings_hnsw_use_lite_512 ON kb_chunk_embeddings
                USING hnsw ((embedding::vector(512)) vector_cosine_ops) WHERE model = 'use-lite-512';
                """);
            migrationBuilder.Sql("""
                CREATE INDEX ix_kb_chunk_embeddings_hnsw_text_embedding_3_small ON kb_chunk_embeddings
                USING hnsw ((embedding::vector(1536)) vector_cosine_ops) WHERE model = 'text-embedding-3-small';
                """);

            migrationBuilder.EnableTenantRowLevelSecurity("kb_sources", nullableTenant: false);
            migrationBuilder.EnableTenantRowLevelSecurity("kb_chunks", nullableTenant: false);
            migrationBuilder.EnableTenantRowLevelSecurity("kb_chunk_embeddings", nullableTenant: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DisableRowLevelSecurity("kb_chunk_embeddings");
            migrationBuilder.DisableRowLevelSecurity("kb_chunks");
            migrationBuilder.DisableRowLevelSecurity("kb_sources");

            migrationBuilder.DropTable(
                name: "kb_chunk_embeddings");

            migrationBuilder.DropTable(
                name: "kb_chunks");

            migrationBuilder.DropTable(
                name: "kb_sources");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:vector", ",,");
        }
    }
}
