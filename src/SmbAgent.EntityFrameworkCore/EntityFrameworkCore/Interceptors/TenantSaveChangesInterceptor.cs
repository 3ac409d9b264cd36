using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SmbAgent.Data;
using SmbAgent.Tenancy;

namespace SmbAgent.EntityFrameworkCore.Interceptors;

/// <summary>
/// The second wall, on writes (query filters guard only reads): stamps the current tenant on new rows,
/// refuses adding, changing or deleting another tenant's rows, turns deletes of <see cref="ISoftDelete"/>
/// into updates, and fills creation times (ABP's ApplyAbpConcepts).
/// </summary>
public sealed class TenantSaveChangesInterceptor(ICurrentTenant currentTenant, IDataFilter dataFilter, TimeProvider clock)
    : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Apply(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Apply(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Apply(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var guardTenants = dataFilter.IsEnabled<IMultiTenant>();
        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is IMultiTenant && guardTenants)
            {
                GuardTenant(entry);
            }

            switch (entry)
            {
                case { State: EntityState.Added, Entity: IHasCreationTime created } when created.CreationTime == default:
                    created.CreationTime = now;
                    break;
                case { State: EntityState.Deleted, Entity: ISoftDelete deleted }:
                    entry.State = EntityState.Modified;
                    deleted.IsDeleted = true;
                    deleted.DeletionTime = now;
                    break;
            }
        }
    }

    private void GuardTenant(EntityEntry entry)
    {
        var property = entry.Property(nameof(IMultiTenant.TenantId));
        var current = currentTenant.Id;
        switch (entry.State)
        {
            case EntityState.Added:
                if (property.CurrentValue is Guid stamped && stamped == Guid.Empty)
                {
                    // A row that must belong to a tenant cannot be written from the host scope.
                    property.CurrentValue = current ?? throw new CrossTenantWriteException(entry.Metadata.ClrType.Name, null, null);
                }

                Refuse(entry, AsNullable(property.CurrentValue), current);
                break;
            case EntityState.Modified or EntityState.Deleted:
                Refuse(entry, AsNullable(property.OriginalValue), current);
                Refuse(entry, AsNullable(property.CurrentValue), current);
                break;
        }
    }

    private static Guid? AsNullable(object? value) => value is Guid id && id != Guid.Empty ? id : null;

    private static void Refuse(EntityEntry entry, Guid? rowTenant, Guid? currentTenant)
    {
        if (rowTenant != currentTenant)
        {
            throw new CrossTenantWriteException(entry.Metadata.ClrType.Name, rowTenant, currentTenant);
        }
    }
}

public sealed class CrossTenantWriteException(string entityName, Guid? rowTenant, Guid? currentTenant)
    : InvalidOperationException($"Refused to write a {entityName} of tenant '{rowTenant?.ToString() ?? "host"}' while working for '{currentTenant?.ToString() ?? "host"}'.");
