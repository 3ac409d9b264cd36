using SmbAgent.Data;
using SmbAgent.Tenancy;

namespace SmbAgent.Domain.Tests.Data;

public sealed class DataFilterTests
{
    private readonly DataFilter _filter = new();

    [Fact]
    public async Task Disable_is_scoped_and_flows_across_await()
    {
        _filter.IsEnabled<IMultiTenant>().ShouldBeTrue();
        using (_filter.Disable<IMultiTenant>())
        {
            await Task.Yield();
            _filter.IsEnabled<IMultiTenant>().ShouldBeFalse();
            _filter.IsEnabled<ISoftDelete>().ShouldBeTrue();
            using (_filter.Enable<IMultiTenant>())
            {
                _filter.IsEnabled<IMultiTenant>().ShouldBeTrue();
            }

            _filter.IsEnabled<IMultiTenant>().ShouldBeFalse();
        }

        _filter.IsEnabled<IMultiTenant>().ShouldBeTrue();
    }
}
