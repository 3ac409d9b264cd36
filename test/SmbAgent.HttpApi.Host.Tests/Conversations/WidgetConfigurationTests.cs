using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Features;
using SmbAgent.HostAdmin;

namespace SmbAgent.HttpApi.Tests.Conversations;

/// <summary>
/// The widget's configuration, read by its loader before any conversation: the business's look and words in the
/// visitor's language, cacheable for a minute per origin, and a clear problem when the widget can't be shown.
/// </summary>
public sealed class WidgetConfigurationTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task The_configuration_is_the_businesss_in_the_visitors_language_and_cacheable_for_a_minute()
    {
        var business = await ChatBusinesses.CreateAsync(fixture);
        await AgentSettingsChanges.ChangeAsync(fixture, business.TenantId, input =>
        {
            input.AgentName = "Pip";
            input.WelcomeMessage = "Hi, Pip here from the plumbers.";
            input.WidgetPrimaryColor = "#113355";
        });
        var client = fixture.Factory.CreateClient();

        using var english = await client.GetAsync($"/api/widget/{business.WidgetKey}/config");
        using var spanish = await client.GetAsync($"/api/widget/{business.WidgetKey}/config?language=es");
        using var unsupported = await client.GetAsync($"/api/widget/{business.WidgetKey}/config?language=xx");

        english.StatusCode.ShouldBe(HttpStatusCode.OK);
        english.Headers.CacheControl!.ToString().ShouldBe("public, max-age=60");
        english.Headers.Vary.ShouldContain("Origin");
        var configuration = await english.Content.ReadFromJsonAsync<JsonElement>();
        configuration.GetProperty("agentName").GetString().ShouldBe("Pip");
        configuration.GetProperty("primaryColor").GetString().ShouldBe("#113355");
        configuration.GetProperty("language").GetString().ShouldBe("en");
        configuration.GetProperty("welcomeMessage").GetString().ShouldBe("Hi, Pip here from the plumbers.");
        configuration.GetProperty("showBranding").GetBoolean().ShouldBeTrue();
        foreach (var field in new[] { "businessName", "accentColor", "position", "openNow" })
        {
            configuration.TryGetProperty(field, out _).ShouldBeTrue(field);
        }

        var inSpanish = await spanish.Content.ReadFromJsonAsync<JsonElement>();
        inSpanish.GetProperty("language").GetString().ShouldBe("es");
        inSpanish.GetProperty("welcomeMessage").GetString().ShouldBe("¡Hola! ¿En qué puedo ayudarle hoy?");
        (await unsupported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("language").GetString().ShouldBe("en");
    }

    [Fact]
    public async Task The_configuration_is_what_a_started_conversation_carries()
    {
        var business = await ChatBusinesses.CreateAsync(fixture);
        var client = fixture.Factory.CreateClient();

        var configuration = await client.GetFromJsonAsync<JsonElement>($"/api/widget/{business.WidgetKey}/config?language=fr");
        var started = await new ChatClient(client, business.WidgetKey).StartAsync("fr");

        started.GetProperty("widget").GetRawText().ShouldBe(configuration.GetRawText());
    }

    [Fact]
    public async Task A_business_without_the_widget_feature_gets_a_problem()
    {
        var business = await ChatBusinesses.CreateAsync(fixture);
        await AsHostAdminAsync(admin => admin.SetFeatureAsync(business.TenantId, SmbFeatures.Chat.Widget, "false"));

        using var response = await fixture.Factory.CreateClient().GetAsync($"/api/widget/{business.WidgetKey}/config");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task An_unknown_widget_key_is_not_found()
    {
        using var response = await fixture.Factory.CreateClient().GetAsync($"/api/widget/{Guid.NewGuid():N}/config");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        response.Headers.CacheControl?.Public.ShouldNotBe(true);
    }

    [Fact]
    public async Task A_deactivated_business_gets_the_same_problem_for_its_configuration_and_its_conversations()
    {
        var business = await ChatBusinesses.CreateAsync(fixture);
        await AsHostAdminAsync(admin => admin.SetActiveAsync(business.TenantId, active: false));
        var client = fixture.Factory.CreateClient();

        using var configuration = await client.GetAsync($"/api/widget/{business.WidgetKey}/config");
        using var start = await client.PostAsJsonAsync($"/api/widget/{business.WidgetKey}/conversations", new { });

        foreach (var response in new[] { configuration, start })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().ShouldBe("This business has been deactivated.");
        }
    }

    [Fact]
    public async Task A_widget_on_any_site_can_read_that_its_key_is_unknown_or_its_business_deactivated()
    {
        var business = await ChatBusinesses.CreateAsync(fixture);
        await AsHostAdminAsync(admin => admin.SetActiveAsync(business.TenantId, active: false));
        var client = fixture.Factory.CreateClient();
        using var deactivated = new HttpRequestMessage(HttpMethod.Get, $"/api/widget/{business.WidgetKey}/config");
        deactivated.Headers.Add("Origin", "https://shop.example");
        using var unknown = new HttpRequestMessage(HttpMethod.Get, $"/api/widget/{Guid.NewGuid():N}/config");
        unknown.Headers.Add("Origin", "https://shop.example");

        using var deactivatedResponse = await client.SendAsync(deactivated);
        using var unknownResponse = await client.SendAsync(unknown);

        deactivatedResponse.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        unknownResponse.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        foreach (var response in new[] { deactivatedResponse, unknownResponse })
        {
            response.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe(["*"], "else the browser hides the answer and the widget retries a network error");
            response.Headers.Contains("Access-Control-Allow-Credentials").ShouldBeFalse();
        }
    }

    [Fact]
    public async Task An_allowed_origin_may_read_the_configuration_from_its_page()
    {
        var business = await ChatBusinesses.CreateAsync(fixture);
        await AllowedOriginsChanges.AllowAsync(fixture, business.TenantId, "https://shop.example");
        var client = fixture.Factory.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, $"/api/widget/{business.WidgetKey}/config?language=de");
        preflight.Headers.Add("Origin", "https://shop.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        using var read = new HttpRequestMessage(HttpMethod.Get, $"/api/widget/{business.WidgetKey}/config?language=de");
        read.Headers.Add("Origin", "https://shop.example");

        using var preflightResponse = await client.SendAsync(preflight);
        using var readResponse = await client.SendAsync(read);

        preflightResponse.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        preflightResponse.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe(["https://shop.example"]);
        preflightResponse.Headers.GetValues("Access-Control-Allow-Methods").Single().ShouldContain("GET");
        readResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        readResponse.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe(["https://shop.example"]);
        readResponse.Headers.Contains("Access-Control-Allow-Credentials").ShouldBeFalse();
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_configuration_route()
    {
        var document = await fixture.Factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var get = document.GetProperty("paths").GetProperty("/api/widget/{widgetKey}/config").GetProperty("get");
        get.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ShouldBe(["Chat widget"]);
        get.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ShouldContain("language");
        get.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema")
            .GetProperty("$ref").GetString().ShouldBe("#/components/schemas/WidgetConfigurationDto");
    }

    private async Task AsHostAdminAsync(Func<TenantAdminAppService, Task> change)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        await change(scope.ServiceProvider.GetRequiredService<TenantAdminAppService>());
    }
}
