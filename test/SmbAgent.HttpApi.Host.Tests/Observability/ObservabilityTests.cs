using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SmbAgent.Conversations;
using SmbAgent.Data;
using SmbAgent.HttpApi.Tests.Conversations;
using SmbAgent.Observability;
using SmbAgent.Tenancy;

namespace SmbAgent.HttpApi.Tests.Observability;

/// <summary>Logs without personal data, traces and metrics reaching the configured collector, and each turn's time split.</summary>
public sealed class ObservabilityTests(ObservabilityFixture fixture) : IClassFixture<ObservabilityFixture>
{
    private const string Email = "sam.carter@example.com";

    [Fact]
    public async Task The_logs_of_a_whole_conversation_hold_no_visitor_email_or_phone()
    {
        var business = await ChatBusinesses.CreateAsync(fixture.Api);
        var chat = new ChatClient(fixture.Api.Factory.CreateClient(), business.WidgetKey);
        await chat.StartAsync();

        (await chat.SayAsync("When are you open on Saturday?")).ShouldContain("Saturdays");
        (await chat.SayAsync("I'd like a quote please")).ShouldEndWith("What's your name?");
        await chat.SayAsync("Sam Carter");
        await chat.SayAsync("415 555 0111");
        await chat.SayAsync(Email);
        (await chat.SayAsync("A new boiler")).ShouldContain("Thank you");
        await ChatBusinesses.WaitForDeliveryAsync(fixture.Api, business.TenantId, (await ChatBusinesses.LeadAsync(fixture.Api, business.TenantId)).Id);

        var logs = fixture.Logs.Entries;
        logs.ShouldNotBeEmpty();
        logs.ShouldNotContain(e => e.Contains(Email, StringComparison.OrdinalIgnoreCase));
        logs.ShouldNotContain(e => e.Contains("5550111", StringComparison.Ordinal) || e.Contains("555 0111", StringComparison.Ordinal) || e.Contains("555-0111", StringComparison.Ordinal));
    }

    [Fact]
    public void A_value_marked_personal_is_erased_from_the_log_entry_whatever_logs_it()
    {
        var logger = fixture.Api.Factory.Services.GetRequiredService<ILogger<ObservabilityTests>>();

        PersonalLog.ContactSaved(logger, "jo.marsh@example.com", "3f2a");

        var entry = fixture.Logs.Entries.Where(e => e.Contains("Contact saved", StringComparison.Ordinal)).ShouldHaveSingleItem();
        entry.ShouldNotContain("jo.marsh@example.com");
        entry.ShouldContain("3f2a", customMessage: "unclassified values stay");
    }

    [Fact]
    public async Task Traces_and_metrics_reach_the_configured_otlp_collector()
    {
        var business = await ChatBusinesses.CreateAsync(fixture.Api);
        var chat = new ChatClient(fixture.Api.Factory.CreateClient(), business.WidgetKey);
        await chat.StartAsync();
        await chat.SayAsync("When are you open on Saturday?");

        (await fixture.Collector.ReceivedAsync("/v1/traces", "smbagent-api", TimeSpan.FromSeconds(20))).ShouldBeTrue("the service's spans");
        (await fixture.Collector.ReceivedAsync("/v1/traces", "turn.retrieval", TimeSpan.FromSeconds(20))).ShouldBeTrue("our turn phase spans");
        (await fixture.Collector.ReceivedAsync("/v1/metrics", "smbagent.turn.phase.duration", TimeSpan.FromSeconds(20))).ShouldBeTrue("our turn histogram");
        (await fixture.Collector.ReceivedAsync("/v1/metrics", "http.server.request.duration", TimeSpan.FromSeconds(20))).ShouldBeTrue("ASP.NET Core's metrics");
    }

    [Fact]
    public async Task A_turn_answered_from_knowledge_stores_its_retrieval_and_model_time_with_the_visitors_message()
    {
        var business = await ChatBusinesses.CreateAsync(fixture.Api);
        var chat = new ChatClient(fixture.Api.Factory.CreateClient(), business.WidgetKey);
        await chat.StartAsync();
        await chat.SayAsync("When are you open on Saturday?");

        await using var scope = fixture.Api.Factory.Services.CreateAsyncScope();
        using var tenant = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(business.TenantId);
        var messages = await scope.ServiceProvider.GetRequiredService<ISmbAgentDbContext>().ConversationMessages.AsNoTracking().ToListAsync();
        var visitor = messages.Single(m => m.Role == MessageRole.Visitor);
        visitor.RetrievalMilliseconds.ShouldNotBeNull().ShouldBeGreaterThan(0);
        visitor.ModelMilliseconds.ShouldNotBeNull().ShouldBeGreaterThan(0);
        visitor.SpeechMilliseconds.ShouldBeNull("a chat turn says nothing aloud");
        messages.Where(m => m.Role == MessageRole.Agent).ShouldAllBe(m => m.RetrievalMilliseconds == null && m.ModelMilliseconds == null);
    }
}

/// <summary>A log message as our code writes them: source-generated, its personal parameter classified.</summary>
internal static partial class PersonalLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Contact saved: {Email} (lead {LeadReference})")]
    public static partial void ContactSaved(ILogger logger, [PersonalInformation] string email, string leadReference);
}
