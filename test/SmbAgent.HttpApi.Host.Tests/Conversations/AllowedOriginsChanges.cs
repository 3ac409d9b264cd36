using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Data;
using SmbAgent.Tenancy;

namespace SmbAgent.HttpApi.Tests.Conversations;

/// <summary>
/// Sets the origins a business allows for its widget in the database, then saves its agent settings through the app
/// service so the cached settings take the list in (no app service sets the list itself yet).
/// </summary>
public static class AllowedOriginsChanges
{
    public static async Task AllowAsync(ApiFixture fixture, Guid tenantId, params string[] origins)
    {
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId))
        {
            var db = scope.ServiceProvider.GetRequiredService<ISmbAgentDbContext>();
            var settings = await db.AgentSettings.SingleAsync();
            settings.AllowedOrigins = [.. origins];
            await db.SaveChangesAsync();
        }

        await AgentSettingsChanges.ChangeAsync(fixture, tenantId, _ => { });
    }
}
