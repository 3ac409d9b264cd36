using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Tenancy;
using SmbAgent.Workspace;

namespace SmbAgent.HttpApi.Tests.Conversations;

/// <summary>Changes a business's agent settings the way the owner's form does, through the app service.</summary>
public static class AgentSettingsChanges
{
    public static async Task ChangeAsync(ApiFixture fixture, Guid tenantId, Action<AgentSettingsInput> change)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        using var tenant = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId);
        var settings = scope.ServiceProvider.GetRequiredService<AgentSettingsAppService>();
        var input = (await settings.GetAsync()).Input;
        change(input);
        await settings.UpdateAsync(input);
    }
}
