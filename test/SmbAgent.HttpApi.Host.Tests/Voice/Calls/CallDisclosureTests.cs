using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Data;
using SmbAgent.TestKit;
using SmbAgent.TestKit.Twilio;

namespace SmbAgent.HttpApi.Tests.Voice.Calls;

/// <summary>The business's AI and recording disclosures are the first thing a caller hears, before the greeting.</summary>
public sealed class CallDisclosureTests(VoiceApiFixture fixture) : IClassFixture<VoiceApiFixture>
{
    [Fact]
    public async Task The_disclosures_are_spoken_before_the_greeting_and_kept_with_it_in_the_transcript()
    {
        var business = await CallBusinesses.CreateAsync(fixture, agent: a =>
        {
            a.WelcomeMessage = "Hello from the plumbers.";
            a.AiDisclosure = "You are talking to an AI assistant.";
            a.RecordingDisclosure = "This call is recorded.";
        });
        var call = new CallClient(fixture.WebhooksOf(business.AccountSid, business.AuthToken), business.Number);

        var greeting = await call.IncomingAsync();

        Twiml.Verbs(greeting).ShouldBe(["Gather", "Redirect"]);
        Twiml.Gather(greeting)!.Elements("Say").Select(Twiml.SaidBy).ShouldBe(["You are talking to an AI assistant. This call is recorded.", "Hello from the plumbers."]);
        var first = await fixture.Api.Factory.Services.InTenantAsync(business.TenantId, sp => sp.GetRequiredService<ISmbAgentDbContext>().ConversationMessages.AsNoTracking()
            .Where(m => m.Sequence == 1).Select(m => m.Text).SingleAsync());
        first.ShouldBe("You are talking to an AI assistant. This call is recorded. Hello from the plumbers.");
    }

    [Fact]
    public async Task Without_disclosures_the_greeting_is_said_first()
    {
        var business = await CallBusinesses.CreateAsync(fixture, agent: a => a.WelcomeMessage = "Hello from the plumbers.");
        var call = new CallClient(fixture.WebhooksOf(business.AccountSid, business.AuthToken), business.Number);

        var greeting = await call.IncomingAsync();

        Twiml.Gather(greeting)!.Elements("Say").Select(Twiml.SaidBy).ShouldBe(["Hello from the plumbers."]);
    }
}
