namespace SmbAgent.Tenancy;

/// <summary>
/// AsyncLocal-backed current tenant. Registered as a singleton: the AsyncLocal carries the
/// per-flow value, so scopes nest and follow <c>await</c>, and a child flow's change never leaks
/// into its parent.
/// </summary>
public sealed class CurrentTenant : ICurrentTenant
{
    private static readonly AsyncLocal<TenantScopeInfo?> Current = new();

    public Guid? Id => Current.Value?.Id;

    public string? Name => Current.Value?.Name;

    public bool IsAvailable => Id.HasValue;

    public IDisposable Change(Guid? id, string? name = null)
    {
        var parent = Current.Value;
        Current.Value = new TenantScopeInfo(id, name);
        return new RestoreScope(parent);
    }

    private sealed record TenantScopeInfo(Guid? Id, string? Name);

    private sealed class RestoreScope(TenantScopeInfo? parent) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            Current.Value = parent;
        }
    }
}
