using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace SmbAgent.EntityFrameworkCore;

/// <summary>The one place that knows how PostgreSQL says "duplicate key" (see <see cref="Data.DuplicateEntryException"/>).</summary>
internal static class UniqueViolations
{
    public static bool Caused(DbUpdateException e) =>
        e is not DbUpdateConcurrencyException && e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
