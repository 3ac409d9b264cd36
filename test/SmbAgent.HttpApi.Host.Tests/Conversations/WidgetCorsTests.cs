using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Data;
using SmbAgent.Tenancy;

namespace SmbAgent.HttpApi.Tests.Conversations;

/// <summary>
/// The widget answers only the origins its business allows, read from the cached workspace settings: a preflight and
/// every widget request ask, so the list is not queried from the database each time, and the settings' save path
/// brings a change in.
/// </summary>
public sealed class WidgetCorsTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Only_the_allowed_origins_are_answered_and_the_list_is_read_from_the_cache_until_the_settings_are_saved()
    {
        var business = await ChatBusinesses.CreateAsync(fixture);
        await SetOriginsInDatabaseAsync(business.TenantId, "https://shop.example");
        await AgentSettingsChanges.ChangeAsync(fixture, business.TenantId, _ => { });

        (await AllowedOriginAsync(business, "https://shop.example")).ShouldBe("https://shop.example");
        (await AllowedOriginAsync(business, "https://evil.example")).ShouldBeNull();

        await SetOriginsInDatabaseAsync(business.TenantId, "https://new-shop.example");
        (await AllowedOriginAsync(business, "https://new-shop.example")).ShouldBeNull("the cached list still holds");

        await AgentSettingsChanges.ChangeAsync(fixture, business.TenantId, _ => { });
        (await AllowedOriginAsync(business, "https://new-shop.example")).ShouldBe("https://new-shop.example");
        (await AllowedOriginAsync(business, "https://shop.example")).ShouldBeNull();
    }

    private async Task SetOriginsInDatabaseAsync(Guid tenantId, params string[] origins)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        using var tenant = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<ISmbAgentDbContext>();
        var settings = await db.AgentSettings.SingleAsync();
        settings.AllowedOrigins = [.. origins];
        await db.SaveChangesAsync();
    }

    private async Task<string?> AllowedOriginAsync(ChatBusiness business, string origin)
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, new Uri($"/api/widget/{business.WidgetKey}/conversations", UriKind.Relative));
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        using var response = await fixture.Factory.CreateClient().SendAsync(preflight);
        return response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;
    }
}
