namespace SmbAgent.Data;

/// <summary>
/// Ambient switches for the data filters (ABP's <c>IDataFilter</c>). Disabling returns a scope that
/// restores the previous state; the state flows with the async context.
/// Filter types: <see cref="Tenancy.IMultiTenant"/> and <see cref="ISoftDelete"/>.
/// </summary>
public interface IDataFilter
{
    IDisposable Disable<TFilter>()
        where TFilter : class;

    IDisposable Enable<TFilter>()
        where TFilter : class;

    bool IsEnabled<TFilter>()
        where TFilter : class;
}
