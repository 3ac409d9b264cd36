using System.Collections.Immutable;

namespace SmbAgent.Data;

/// <summary>Singleton; per-flow state lives in an AsyncLocal set of disabled filter types.</summary>
public sealed class DataFilter : IDataFilter
{
    private static readonly AsyncLocal<ImmutableHashSet<Type>?> Disabled = new();

    public IDisposable Disable<TFilter>()
        where TFilter : class => Set(typeof(TFilter), enabled: false);

    public IDisposable Enable<TFilter>()
        where TFilter : class => Set(typeof(TFilter), enabled: true);

    public bool IsEnabled<TFilter>()
        where TFilter : class => Disabled.Value?.Contains(typeof(TFilter)) != true;

    private static RestoreScope Set(Type filter, bool enabled)
    {
        var previous = Disabled.Value;
        var current = previous ?? [];
        Disabled.Value = enabled ? current.Remove(filter) : current.Add(filter);
        return new RestoreScope(previous);
    }

    private sealed class RestoreScope(ImmutableHashSet<Type>? previous) : IDisposable
    {
        public void Dispose() => Disabled.Value = previous;
    }
}
