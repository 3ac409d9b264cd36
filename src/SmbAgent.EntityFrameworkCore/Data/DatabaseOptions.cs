namespace SmbAgent.Data;

public sealed class DatabaseOptions
{
    public const string JobSchema = "hangfire";

    /// <summary>The application's connection: a role that neither owns the tables nor bypasses row-level security.</summary>
    public required string ConnectionString { get; set; }

    /// <summary>The owner's connection, used only for schema changes: <c>migrate</c>, and the job that keeps big businesses' vector indexes.</summary>
    public string? OwnerConnectionString { get; set; }

    /// <summary>The application's role (the user of <see cref="ConnectionString"/>), granted table access by <c>migrate</c>.</summary>
    public string ApplicationRole => new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString).Username
                                     ?? throw new InvalidOperationException("The application connection string names no user.");
}
