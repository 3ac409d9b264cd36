using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Privacy;
using SmbAgent.Tenancy;

namespace SmbAgent.HttpApi.Tests.Conversations;

/// <summary>The business's disclosures open the widget's conversation: in the welcome the configuration and the start return.</summary>
public sealed class ChatDisclosureTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task The_disclosures_come_before_the_welcome_in_the_configuration_and_the_first_message()
    {
        var business = await ChatBusinesses.CreateAsync(fixture);
        await AgentSettingsChanges.ChangeAsync(fixture, business.TenantId, input => input.WelcomeMessage = "Hi, how can we help?");
        await ChangeAsync(business.TenantId, input =>
        {
            input.AiDisclosure = "  You are chatting with an AI assistant. ";
            input.RecordingDisclosure = "This chat is saved.";
        });
        var http = fixture.Factory.CreateClient();

        var configuration = await http.GetFromJsonAsync<JsonElement>($"/api/widget/{business.WidgetKey}/config");
        var started = await new ChatClient(http, business.WidgetKey).StartAsync();

        const string expected = "You are chatting with an AI assistant. This chat is saved. Hi, how can we help?";
        configuration.GetProperty("welcomeMessage").GetString().ShouldBe(expected);
        started.GetProperty("messages")[0].GetProperty("text").GetString().ShouldBe(expected);
    }

    [Fact]
    public async Task Without_disclosures_the_welcome_is_unchanged()
    {
        var business = await ChatBusinesses.CreateAsync(fixture);
        await AgentSettingsChanges.ChangeAsync(fixture, business.TenantId, input => input.WelcomeMessage = "Hi, how can we help?");

        var started = await new ChatClient(fixture.Factory.CreateClient(), business.WidgetKey).StartAsync();

        started.GetProperty("messages")[0].GetProperty("text").GetString().ShouldBe("Hi, how can we help?");
    }

    private async Task ChangeAsync(Guid tenantId, Action<PrivacySettingsInput> change)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        using var tenant = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId);
        var settings = scope.ServiceProvider.GetRequiredService<PrivacySettingsAppService>();
        var input = await settings.GetAsync();
        change(input);
        await settings.UpdateAsync(input);
    }
}
