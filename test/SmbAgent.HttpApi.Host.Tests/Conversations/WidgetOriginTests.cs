using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Data;
using SmbAgent.Tenancy;
using SmbAgent.Workspace;
using SmbAgent.Workspace.Widget;

namespace SmbAgent.HttpApi.Tests.Conversations;

/// <summary>The API host with the admin on an origin of its own, so the preview's origin and the API's differ.</summary>
public sealed class SeparateAdminOriginFixture : IAsyncLifetime
{
    public const string AdminOrigin = "https://admin.example";
    public const string ApiOrigin = "http://localhost";

    public ApiFixture Api { get; } = new() { Overrides = { ["PublicUrls:Admin"] = AdminOrigin + "/" } };

    public Task InitializeAsync() => Api.InitializeAsync();

    public Task DisposeAsync() => Api.DisposeAsync();
}

/// <summary>
/// The widget works only on the sites its owner listed, the admin's preview and the API's own /demo: a request from
/// any other origin gets a 403 problem before anything is started or answered, and a conversation's token is no use there.
/// </summary>
public sealed class WidgetOriginTests(SeparateAdminOriginFixture origins) : IClassFixture<SeparateAdminOriginFixture>
{
    private ApiFixture Fixture => origins.Api;

    [Fact]
    public async Task With_no_origin_listed_a_site_is_refused_while_the_admins_preview_the_APIs_own_page_and_non_browsers_start()
    {
        var business = await ChatBusinesses.CreateAsync(Fixture);

        using var foreign = await StartAsync(business, "https://evil.example");
        using var foreignPreflight = await PreflightAsync(business, "https://evil.example");
        using var preview = await StartAsync(business, SeparateAdminOriginFixture.AdminOrigin);
        using var demo = await StartAsync(business, SeparateAdminOriginFixture.ApiOrigin);
        using var curl = await StartAsync(business, origin: null);

        foreign.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        foreign.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await foreign.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe("Widget:OriginNotAllowed");
        problem.GetProperty("detail").GetString()!.ShouldContain("https://evil.example");
        foreign.Headers.GetValues("Access-Control-Allow-Origin").Single().ShouldBe("https://evil.example", "the refused page's widget reads why");
        foreignPreflight.Headers.Any(h => h.Key.StartsWith("Access-Control-", StringComparison.Ordinal)).ShouldBeFalse();
        preview.StatusCode.ShouldBe(HttpStatusCode.Created);
        preview.Headers.GetValues("Access-Control-Allow-Origin").Single().ShouldBe(SeparateAdminOriginFixture.AdminOrigin);
        demo.StatusCode.ShouldBe(HttpStatusCode.Created);
        curl.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await ConversationCountAsync(business.TenantId)).ShouldBe(3, "the refused request started nothing");
    }

    [Fact]
    public async Task A_listed_origin_is_answered_and_a_preflight_from_another_gets_no_cors_headers()
    {
        var business = await ChatBusinesses.CreateAsync(Fixture);
        await SetOriginsAsync(business.TenantId, "https://shop.example");

        using var listed = await StartAsync(business, "https://shop.example");
        using var allowedPreflight = await PreflightAsync(business, "https://shop.example");
        using var refusedPreflight = await PreflightAsync(business, "https://evil.example");
        using var sandboxed = await StartAsync(business, "null");

        listed.StatusCode.ShouldBe(HttpStatusCode.Created);
        listed.Headers.GetValues("Access-Control-Allow-Origin").Single().ShouldBe("https://shop.example");
        allowedPreflight.Headers.GetValues("Access-Control-Allow-Origin").Single().ShouldBe("https://shop.example");
        refusedPreflight.Headers.Any(h => h.Key.StartsWith("Access-Control-", StringComparison.Ordinal)).ShouldBeFalse();
        sandboxed.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_conversation_token_used_from_another_origin_is_refused_and_nothing_is_stored()
    {
        var business = await ChatBusinesses.CreateAsync(Fixture);
        await SetOriginsAsync(business.TenantId, "https://shop.example");
        var shop = new ChatClient(ClientFrom("https://shop.example"), business.WidgetKey);
        await shop.StartAsync();
        var stolen = new ChatClient(ClientFrom("https://evil.example"), business.WidgetKey);

        using var send = await stolen.PostAsync(new { text = "When are you open?", idempotencyKey = Guid.NewGuid().ToString("N") }, shop.Token);
        using var read = await stolen.GetTranscriptAsync(string.Empty, shop.Token);

        send.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await send.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("Widget:OriginNotAllowed");
        read.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var transcript = await shop.TranscriptAsync();
        transcript.GetProperty("messages").EnumerateArray().ShouldNotContain(m => m.GetProperty("text").GetString() == "When are you open?");
    }

    [Fact]
    public async Task The_widget_running_on_an_owners_site_is_recorded_as_last_seen_and_ticks_the_checklist_while_the_preview_and_demo_are_not()
    {
        var business = await ChatBusinesses.CreateAsync(Fixture);
        await InTenantAsync(business.TenantId, sp => sp.GetRequiredService<WidgetInstallAppService>().AddOriginAsync("HTTPS://Shop.Example:443/"));

        using (await StartAsync(business, SeparateAdminOriginFixture.AdminOrigin))
        using (await StartAsync(business, SeparateAdminOriginFixture.ApiOrigin))
        using (await StartAsync(business, origin: null))
        {
        }

        var beforeSite = await InTenantAsync(business.TenantId, sp => sp.GetRequiredService<WidgetInstallAppService>().GetAsync());
        var stepBefore = await InstallStepAsync(business.TenantId);
        using var fromSite = await StartAsync(business, "https://shop.example");
        var afterSite = await InTenantAsync(business.TenantId, sp => sp.GetRequiredService<WidgetInstallAppService>().GetAsync());
        var stepAfter = await InstallStepAsync(business.TenantId);

        beforeSite.AllowedOrigins.ShouldBe(["https://shop.example"]);
        beforeSite.LastSeenTime.ShouldBeNull("the preview, /demo and non-browser clients are not the owner's site");
        stepBefore.Status.ShouldBe(ChecklistStatus.Missing);
        stepBefore.Page.ShouldBe("/Workspace/Install");
        fromSite.StatusCode.ShouldBe(HttpStatusCode.Created);
        afterSite.LastSeenOrigin.ShouldBe("https://shop.example");
        afterSite.LastSeenTime.ShouldNotBeNull();
        stepAfter.Status.ShouldBe(ChecklistStatus.Done);
    }

    private async Task<ChecklistItem> InstallStepAsync(Guid tenantId) =>
        (await InTenantAsync(tenantId, sp => sp.GetRequiredService<SetupChecklistAppService>().GetAsync())).Items.Single(i => i.Title == "Install the chat widget");

    private async Task<T> InTenantAsync<T>(Guid tenantId, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        using var tenant = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId);
        return await action(scope.ServiceProvider);
    }

    private async Task InTenantAsync(Guid tenantId, Func<IServiceProvider, Task> action) =>
        await InTenantAsync(tenantId, async sp =>
        {
            await action(sp);
            return true;
        });

    private HttpClient ClientFrom(string origin)
    {
        var client = Fixture.Factory.CreateClient();
        client.DefaultRequestHeaders.Add("Origin", origin);
        return client;
    }

    private async Task<HttpResponseMessage> StartAsync(ChatBusiness business, string? origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/widget/{business.WidgetKey}/conversations", UriKind.Relative))
        {
            Content = JsonContent.Create(new { }),
        };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await Fixture.Factory.CreateClient().SendAsync(request);
    }

    private async Task<HttpResponseMessage> PreflightAsync(ChatBusiness business, string origin)
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, new Uri($"/api/widget/{business.WidgetKey}/conversations", UriKind.Relative));
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        return await Fixture.Factory.CreateClient().SendAsync(preflight);
    }

    private async Task SetOriginsAsync(Guid tenantId, params string[] allowed)
    {
        await using (var scope = Fixture.Factory.Services.CreateAsyncScope())
        using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId))
        {
            var db = scope.ServiceProvider.GetRequiredService<ISmbAgentDbContext>();
            (await db.AgentSettings.SingleAsync()).AllowedOrigins = [.. allowed];
            await db.SaveChangesAsync();
        }

        await AgentSettingsChanges.ChangeAsync(Fixture, tenantId, _ => { });
    }

    private async Task<int> ConversationCountAsync(Guid tenantId)
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        using var tenant = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId);
        return await scope.ServiceProvider.GetRequiredService<ISmbAgentDbContext>().Conversations.CountAsync();
    }
}
