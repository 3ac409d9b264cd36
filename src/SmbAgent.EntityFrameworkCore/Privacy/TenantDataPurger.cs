using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SmbAgent.EntityFrameworkCore;
using SmbAgent.Features;
using SmbAgent.Tenancy;

namespace SmbAgent.Privacy;

/// <summary>
/// Purges a business from the model itself: every table of a tenant entity, dependents before the tables they point
/// to, so a table another feature adds later is purged too without anyone remembering to list it. The deletes run in
/// the business's tenant scope (row-level security allows its rows only), then its feature overrides and the tenant
/// row go in the host scope; all in one transaction, so a failure leaves the business whole for the next run.
/// </summary>
public sealed class TenantDataPurger(SmbAgentDbContext db, ICurrentTenant currentTenant) : ITenantDataPurger
{
    public async Task PurgeAsync(Guid tenantId, CancellationToken cancellationToken = default)
    {
        var statements = DeleteStatements(db.Model);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        using (currentTenant.Change(tenantId))
        {
            foreach (var statement in statements)
            {
                await db.Database.ExecuteSqlRawAsync(statement, [tenantId], cancellationToken);
            }
        }

        using (currentTenant.Change(null))
        {
            await db.FeatureValues
                .Where(v => v.ProviderName == FeatureValueProviders.Tenant && v.ProviderKey == tenantId)
                .ExecuteDeleteAsync(cancellationToken);
            await db.Tenants.Where(t => t.Id == tenantId).ExecuteDeleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>One <c>DELETE … WHERE tenant_id = {0}</c> per tenant table, each table after every table that references it.</summary>
    private static List<string> DeleteStatements(IModel model)
    {
        var tables = model.GetEntityTypes()
            .Where(t => typeof(IMultiTenant).IsAssignableFrom(t.ClrType) && !t.IsOwned() && t.BaseType is null && t.GetTableName() is not null)
            .ToList();
        var ordered = new List<IEntityType>();
        var visited = new HashSet<IEntityType>();

        void Visit(IEntityType table)
        {
            if (!visited.Add(table))
            {
                return;
            }

            foreach (var dependent in tables.Where(d => d != table && d.GetForeignKeys().Any(fk => fk.PrincipalEntityType == table)))
            {
                Visit(dependent);
            }

            ordered.Add(table);
        }

        foreach (var table in tables)
        {
            Visit(table);
        }

        return [.. ordered.Select(Statement)];
    }

    private static string Statement(IEntityType table)
    {
        var name = table.GetTableName()!;
        var schema = table.GetSchema();
        var column = table.FindProperty(nameof(IMultiTenant.TenantId))!.GetColumnName(StoreObjectIdentifier.Table(name, schema))!;
        var qualified = schema is null ? Quote(name) : $"{Quote(schema)}.{Quote(name)}";
        return $"DELETE FROM {qualified} WHERE {Quote(column)} = {{0}}";
    }

    private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
