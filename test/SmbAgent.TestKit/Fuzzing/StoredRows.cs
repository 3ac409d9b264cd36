using Npgsql;

namespace SmbAgent.TestKit.Fuzzing;

/// <summary>How much the database holds of what a request could add, across all businesses, and the usage the quota counts.</summary>
public sealed record StoredRows(long Tenants, long Users, long Conversations, long Messages, long KnowledgeSources, long Leads, long LeadQuestions, long Usage)
{
    // The owner role reads past the tenant filter and row security: a refused request must have added nothing anywhere.
    private const string Sql = """
        SELECT (SELECT count(*) FROM tenants), (SELECT count(*) FROM users), (SELECT count(*) FROM conversations),
               (SELECT count(*) FROM conversation_messages), (SELECT count(*) FROM kb_sources), (SELECT count(*) FROM leads),
               (SELECT count(*) FROM lead_questions), (SELECT coalesce(sum(count), 0)::bigint FROM usage_counters)
        """;

    public static async Task<StoredRows> ReadAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(Sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new StoredRows(
            reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6),
            reader.GetInt64(7));
    }
}
