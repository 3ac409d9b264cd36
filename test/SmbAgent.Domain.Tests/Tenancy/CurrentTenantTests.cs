using SmbAgent.Tenancy;

namespace SmbAgent.Domain.Tests.Tenancy;

public sealed class CurrentTenantTests
{
    private readonly CurrentTenant _currentTenant = new();

    [Fact]
    public void Starts_as_the_host()
    {
        _currentTenant.Id.ShouldBeNull();
        _currentTenant.IsAvailable.ShouldBeFalse();
    }

    [Fact]
    public async Task Nested_scopes_restore_their_parent_across_await()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();

        using (_currentTenant.Change(a, "A"))
        {
            await Task.Yield();
            _currentTenant.Id.ShouldBe(a);
            using (_currentTenant.Change(b, "B"))
            {
                await Task.Delay(1);
                _currentTenant.Id.ShouldBe(b);
                _currentTenant.Name.ShouldBe("B");
                using (_currentTenant.Change(null))
                {
                    await Task.Yield();
                    _currentTenant.IsAvailable.ShouldBeFalse();
                }

                _currentTenant.Id.ShouldBe(b);
            }

            await Task.Yield();
            _currentTenant.Id.ShouldBe(a);
            _currentTenant.Name.ShouldBe("A");
        }

        _currentTenant.Id.ShouldBeNull();
    }

    [Fact]
    public async Task A_change_inside_a_child_task_does_not_leak_into_the_parent()
    {
        var parent = Guid.NewGuid();
        using (_currentTenant.Change(parent))
        {
            await Task.Run(async () =>
            {
                using (_currentTenant.Change(Guid.NewGuid()))
                {
                    await Task.Yield();
                }
            });
            var leaked = Task.Run(() => _currentTenant.Change(Guid.NewGuid()));
            await leaked;

            _currentTenant.Id.ShouldBe(parent);
        }
    }

    [Fact]
    public async Task Parallel_flows_each_see_their_own_tenant()
    {
        var ids = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToList();
        var seen = await Task.WhenAll(ids.Select(async id =>
        {
            using (_currentTenant.Change(id))
            {
                await Task.Delay(Random.Shared.Next(1, 10));
                return _currentTenant.Id;
            }
        }));

        seen.ShouldBe(ids.Cast<Guid?>());
    }

    [Fact]
    public void Disposing_a_scope_twice_does_not_undo_an_outer_scope()
    {
        var outer = Guid.NewGuid();
        using (_currentTenant.Change(outer))
        {
            var inner = _currentTenant.Change(Guid.NewGuid());
            inner.Dispose();
            inner.Dispose();
            _currentTenant.Id.ShouldBe(outer);
        }
    }
}
