using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SmbAgent.BackgroundJobs;
using SmbAgent.Tenancy;
using SmbAgent.Webhooks;

namespace SmbAgent.EntityFrameworkCore.Interceptors;

/// <summary>
/// Queues the job of every webhook delivery a unit of work added, once its rows are committed: right after the save,
/// or when the caller's own transaction commits (nothing when it rolls back or the save fails). The hook points in the
/// features then need one call to <see cref="WebhookOutbox"/> and nothing after their save. A job queued never finds
/// its row missing; a crash between the commit and the queueing leaves the row Pending for the owner to replay.
/// </summary>
public sealed class WebhookDispatchInterceptor(IBackgroundJobManager jobs, ICurrentTenant currentTenant)
    : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, Pending> pending = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        AfterSave(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        AfterSave(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => DropLastSave(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        DropLastSave(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Flush(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Flush(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Drop(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Drop(eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var added = context.ChangeTracker.Entries<WebhookDelivery>()
            .Where(e => e.State == EntityState.Added)
            .Select(e => (e.Entity.TenantId, e.Entity.Id))
            .ToList();
        var state = pending.GetOrCreateValue(context);
        lock (state)
        {
            state.LastSaveStart = state.Deliveries.Count;
            state.Deliveries.AddRange(added);
        }
    }

    // EF Core's own transaction around a save reports its commit first; only a caller's transaction is still open here.
    private void AfterSave(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null)
        {
            Flush(context);
        }
    }

    private void Flush(DbContext? context)
    {
        if (context is null || !pending.TryGetValue(context, out var state))
        {
            return;
        }

        List<(Guid TenantId, Guid Id)> deliveries;
        lock (state)
        {
            deliveries = [.. state.Deliveries];
            state.Deliveries.Clear();
            state.LastSaveStart = 0;
        }

        foreach (var (tenantId, id) in deliveries)
        {
            using (currentTenant.Change(tenantId))
            {
                jobs.Enqueue(new DeliverWebhookArgs(id, 0));
            }
        }
    }

    private void DropLastSave(DbContext? context)
    {
        if (context is not null && pending.TryGetValue(context, out var state))
        {
            lock (state)
            {
                state.Deliveries.RemoveRange(state.LastSaveStart, state.Deliveries.Count - state.LastSaveStart);
            }
        }
    }

    private void Drop(DbContext? context)
    {
        if (context is not null && pending.TryGetValue(context, out var state))
        {
            lock (state)
            {
                state.Deliveries.Clear();
                state.LastSaveStart = 0;
            }
        }
    }

    private sealed class Pending
    {
        public List<(Guid TenantId, Guid Id)> Deliveries { get; } = [];

        public int LastSaveStart { get; set; }
    }
}
