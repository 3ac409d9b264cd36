using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Conversations;
using SmbAgent.Data;
using SmbAgent.TestKit;
using SmbAgent.TestKit.Twilio;
using Xunit.Abstractions;

namespace SmbAgent.HttpApi.Tests.Voice.Calls;

/// <summary>Calls through the API host's webhooks, each one signed by the business's own Twilio account.</summary>
public sealed class CallWebhookTests(VoiceApiFixture fixture, ITestOutputHelper output) : IClassFixture<VoiceApiFixture>
{
    [Fact]
    public async Task A_call_answers_a_question_from_the_knowledge_base_and_captures_a_lead_on_the_confirmed_callers_number()
    {
        var business = await CallBusinesses.CreateAsync(fixture);
        var call = Call(business);

        var greeting = await call.IncomingAsync();
        Twiml.Verbs(greeting).ShouldBe(["Gather", "Redirect"]);
        call.Action().ShouldBe("/api/voice/gather?turn=1");
        Twiml.Gather(greeting)!.Attribute("action")!.Value.ShouldStartWith(VoiceApiFixture.PublicApi, Case.Sensitive, "Twilio posts back to the public address it signs");
        Twiml.Said(await call.SayAsync("What are your opening hours?")).ShouldContain("Saturdays from 9 am to 1 pm");
        Twiml.Said(await call.SayAsync("Can someone call me back?")).ShouldContain("What's your name?");
        Twiml.Said(await call.SayAsync("Sam Jones")).ShouldContain("Is 1, 4 1 5, 5 5 5, 0 1 9 9 the best number to reach you?");
        Twiml.Said(await call.SayAsync("yes")).ShouldContain("What's your email address?");
        await call.SayAsync("skip");
        var thanks = await call.SayAsync("The boiler is making a strange noise");

        Twiml.Verbs(thanks)[^1].ShouldBe("Hangup");
        var lead = await fixture.Api.Factory.Services.InTenantAsync(business.TenantId, sp => sp.GetRequiredService<ISmbAgentDbContext>().Leads.AsNoTracking().SingleAsync());
        lead.Channel.ShouldBe(ConversationChannel.Voice);
        lead.Phone.ShouldBe(CallClient.Caller);
        lead.ContactName.ShouldBe("Sam Jones");
        foreach (var (path, elapsed) in call.Timings)
        {
            output.WriteLine($"{path}: {elapsed.TotalMilliseconds:F0} ms");
        }
    }

    [Fact]
    public async Task Silence_is_reprompted_once_then_the_call_ends()
    {
        var business = await CallBusinesses.CreateAsync(fixture);
        var call = Call(business);
        await call.IncomingAsync();

        Twiml.Said(await call.SilenceAsync()).ShouldBe("Sorry, I didn't catch that.");
        var goodbye = await call.SilenceAsync();

        Twiml.Verbs(goodbye).ShouldBe(["Say", "Hangup"]);
    }

    [Fact]
    public async Task Talk_to_a_person_dials_the_lines_forwarding_number_and_an_unanswered_transfer_takes_a_message()
    {
        var business = await CallBusinesses.CreateAsync(fixture);
        var call = Call(business);
        await call.IncomingAsync();

        var transfer = await call.SayAsync("I want to talk to a real person");
        var dial = transfer.Root!.Element("Dial")!;
        dial.Value.ShouldBe(business.ForwardTo);
        dial.Attribute("timeout")!.Value.ShouldBe("20");
        var dialEnded = new Uri(dial.Attribute("action")!.Value).PathAndQuery;
        dialEnded.ShouldBe("/api/voice/fallback?dial=1");

        var voicemail = await call.PostAsync(null, dialEnded, new() { ["DialCallStatus"] = "no-answer" });
        Twiml.Verbs(voicemail).ShouldContain("Record");
    }

    [Fact]
    public async Task A_number_of_a_business_without_the_voice_agent_is_politely_forwarded()
    {
        var business = await CallBusinesses.CreateAsync(fixture, edition: "FREE");
        var call = Call(business);

        var forward = await call.IncomingAsync();

        Twiml.Said(forward).ShouldStartWith("Thank you for calling. Our assistant can't take this call right now.");
        forward.Root!.Element("Dial")!.Value.ShouldBe(business.ForwardTo);
        Twiml.GatherAction(forward).ShouldBeNull();
    }

    [Fact]
    public async Task A_retried_gather_webhook_gets_the_same_answer_without_a_second_turn()
    {
        var business = await CallBusinesses.CreateAsync(fixture);
        var call = Call(business);
        await call.IncomingAsync();
        var action = call.Action();

        await call.PostAsync(null, action, new() { ["SpeechResult"] = "What are your opening hours?" });
        var first = call.LastText;
        await call.PostAsync(null, action, new() { ["SpeechResult"] = "What are your opening hours?" });

        call.LastText.ShouldBe(first);
        var visitorMessages = await fixture.Api.Factory.Services.InTenantAsync(business.TenantId, sp =>
            sp.GetRequiredService<ISmbAgentDbContext>().ConversationMessages.CountAsync(m => m.Role == MessageRole.Visitor));
        visitorMessages.ShouldBe(1);
    }

    [Fact]
    public async Task The_twiml_is_well_formed_xml_when_the_business_and_agent_names_hold_markup()
    {
        const string welcome = "Ava <\"&'> of Bob's <Pipes> & \"Drains\" here. How can I help?";
        var business = await CallBusinesses.CreateAsync(fixture, name: "Bob's <Pipes> & \"Drains\"", agent: a =>
        {
            a.AgentName = "Ava <\"&'>";
            a.WelcomeMessage = welcome;
        });
        var call = Call(business);

        var greeting = await call.IncomingAsync();

        Twiml.Said(greeting).ShouldBe(welcome);
        call.LastText.ShouldContain("&lt;Pipes&gt; &amp;");
    }

    [Fact]
    public async Task A_bad_turn_is_a_problem_not_twiml()
    {
        var business = await CallBusinesses.CreateAsync(fixture);
        var call = Call(business);
        await call.IncomingAsync();

        using var response = await call.PostRawAsync("/api/voice/gather?turn=0", new() { ["SpeechResult"] = "hello" });

        ((int)response.StatusCode).ShouldBe(400);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    private CallClient Call(CallBusiness business) => new(fixture.WebhooksOf(business.AccountSid, business.AuthToken), business.Number);
}
