using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.KnowledgeBase;
using SmbAgent.Tenancy;

namespace SmbAgent.Bench.Chat.Data;

/// <summary>A seeded business: what a widget on its site knows (the key) and what its visitors ask.</summary>
public sealed record SeededBusiness(Guid TenantId, string WidgetKey, BusinessPlan Plan);

/// <summary>
/// The benchmark's own database, made afresh on every run: created from template1 (which has pgvector), migrated
/// by the real <see cref="DbMigrationService"/>, its businesses made by the real <see cref="TenantManager"/>, their
/// FAQs added through <see cref="KnowledgeSourceAppService"/> and indexed by the host's own job server.
/// </summary>
public sealed class BenchDatabase(BenchSettings settings)
{
    private const string TurnTables = "('conversations', 'conversation_messages')";

    public async Task RecreateAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(settings.AdminConnectionString);
        await admin.OpenAsync();
        var name = new NpgsqlCommandBuilder().QuoteIdentifier(settings.Database);
        await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        await ExecuteAsync(admin, $"CREATE DATABASE {name} TEMPLATE template1");
    }

    public static async Task MigrateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DbMigrationService>().MigrateAsync();
    }

    /// <summary>
    /// Each business with its owner and FAQ (queued for indexing), its monthly conversation quota lifted
    /// (0 = unlimited), so neither the plan nor the rate limits answer a bench turn.
    /// </summary>
    public static async Task<IReadOnlyList<SeededBusiness>> SeedAsync(IServiceProvider services, IEnumerable<BusinessPlan> plans)
    {
        var seeded = new List<SeededBusiness>();
        foreach (var plan in plans)
        {
            await using var scope = services.CreateAsyncScope();
            var provider = scope.ServiceProvider;
            var tenant = await provider.GetRequiredService<TenantManager>().CreateAsync(new CreateTenantRequest(
                plan.Name, $"owner-{seeded.Count}@bench.example", $"Bench-{Guid.NewGuid():N}Aa1", "Owner"));
            await provider.GetRequiredService<FeatureManager>().SetForTenantAsync(tenant.Id, SmbFeatures.Chat.MaxConversationsPerMonth, "0");
            using (provider.GetRequiredService<ICurrentTenant>().Change(tenant.Id))
            {
                await provider.GetRequiredService<KnowledgeSourceAppService>().CreateFaqAsync(new CreateFaqSourceDto
                {
                    Title = plan.FaqTitle,
                    Pairs = [.. plan.Faq.Select(p => new FaqPairDto { Question = p.Question, Answer = p.Answer })],
                });
            }

            seeded.Add(new SeededBusiness(tenant.Id, tenant.WidgetKey, plan));
        }

        return seeded;
    }

    /// <summary>Waits until the host's job server has indexed every source (it polls its queue every few seconds).</summary>
    public async Task WaitUntilIndexedAsync(int sources, TimeSpan timeout)
    {
        var started = Stopwatch.GetTimestamp();
        await using var connection = await OpenOwnerAsync();
        while (true)
        {
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FILTER (WHERE status = @indexed), count(*) FILTER (WHERE status = @failed) FROM kb_sources", connection);
            command.Parameters.AddWithValue("indexed", (int)KnowledgeSourceStatus.Indexed);
            command.Parameters.AddWithValue("failed", (int)KnowledgeSourceStatus.Failed);
            await using (var reader = await command.ExecuteReaderAsync())
            {
                await reader.ReadAsync();
                var (indexed, failed) = (reader.GetInt64(0), reader.GetInt64(1));
                if (failed > 0)
                {
                    throw new InvalidOperationException($"{failed} FAQ source(s) failed to index: is the embedding service up?");
                }

                if (indexed == sources)
                {
                    return;
                }
            }

            if (Stopwatch.GetElapsedTime(started) > timeout)
            {
                throw new TimeoutException($"The job server did not index the {sources} FAQ sources within {timeout.TotalSeconds:F0} s.");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>Bytes on disk of the conversation tables with their indexes and TOAST.</summary>
    public async Task<long> TurnTablesBytesAsync()
    {
        await using var connection = await OpenOwnerAsync();
        await using var command = new NpgsqlCommand(
            $"SELECT sum(pg_total_relation_size(c.oid))::bigint FROM pg_class c WHERE c.relname IN {TurnTables} AND c.relkind = 'r'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Chunks indexed per business, to show the size of what each turn searches.</summary>
    public async Task<long> ChunkCountAsync()
    {
        await using var connection = await OpenOwnerAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM kb_chunks", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The owner, past row-level security (which the tables force on their owner too).</summary>
    private async Task<NpgsqlConnection> OpenOwnerAsync()
    {
        var connection = new NpgsqlConnection(settings.OwnerConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "SELECT set_config('app.bypass_rls', 'on', false)");
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
