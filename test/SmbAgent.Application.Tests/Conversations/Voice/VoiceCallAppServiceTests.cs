using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Conversations;
using SmbAgent.Data;
using SmbAgent.Leads;
using SmbAgent.TestKit;
using SmbAgent.TestKit.Twilio;

namespace SmbAgent.Application.Tests.Conversations.Voice;

/// <summary>
/// A call through <c>VoiceCallAppService</c> over the real database, webhook by webhook as Twilio makes it: the TwiML
/// each step answers (parsed as XML) and what the call leaves behind (conversation, lead, call record).
/// </summary>
public sealed class VoiceCallAppServiceTests(CoreFixture fixture) : IClassFixture<CoreFixture>
{
    [Fact]
    public async Task A_call_answers_from_the_knowledge_base_and_takes_a_lead_with_the_callers_own_number()
    {
        var business = await VoiceBusinesses.CreateAsync(fixture.Services);
        var call = new TestCall(fixture.Services, business);

        var greeting = await call.IncomingAsync();
        Twiml.Verbs(greeting).ShouldBe(["Gather", "Redirect"]);
        var gather = Twiml.Gather(greeting)!;
        gather.Attribute("input")!.Value.ShouldBe("speech dtmf");
        gather.Attribute("language")!.Value.ShouldBe("en-US");
        gather.Attribute("speechTimeout")!.Value.ShouldBe("auto");
        Twiml.SaidBy(gather.Element("Say")!).ShouldStartWith("Hi! Welcome to", Case.Sensitive, "the prompt is inside the gather, so the caller can talk over it");
        gather.Element("Say")!.Attribute("voice")!.Value.ShouldBe("Polly.Joanna");
        gather.Element("Say")!.Element("break").ShouldNotBeNull("a Polly voice reads the server's own sentences with SSML pauses");
        Twiml.GatherAction(greeting)!.PathAndQuery.ShouldBe("/api/voice/gather?turn=1");
        Twiml.Redirect(greeting)!.PathAndQuery.ShouldBe("/api/voice/gather?turn=1&silence=1");

        var answer = await call.SayAsync("When are you open on Saturday?");
        Twiml.Said(answer).ShouldContain("Saturdays from 9 am to 1 pm");
        Twiml.GatherAction(answer)!.PathAndQuery.ShouldBe("/api/voice/gather?turn=2");

        Twiml.Said(await call.SayAsync("I'd like to book an appointment")).ShouldContain("What's your name?");
        var phone = await call.SayAsync("Sam Jones");
        Twiml.Said(phone).ShouldContain("What's the best phone number to reach you? Is 1, 4 1 5, 5 5 5, 0 1 9 9 the best number to reach you? Say yes, or say another number.");
        Twiml.Gather(phone)!.Attribute("hints")!.Value.ShouldContain("$OOV_CLASS_DIGIT_SEQUENCE");
        Twiml.Said(await call.SayAsync("Yes.")).ShouldContain("What's your email address?");
        Twiml.Said(await call.SayAsync("skip")).ShouldContain("How can we help?");
        var thanks = await call.SayAsync("My kitchen tap is dripping");

        Twiml.Verbs(thanks)[^1].ShouldBe("Hangup");
        Twiml.Said(thanks).ShouldContain("Thank you for calling. Goodbye.");
        var (lead, log) = await fixture.InTenantAsync(business.TenantId, async sp =>
        {
            var db = sp.GetRequiredService<ISmbAgentDbContext>();
            return (await db.Leads.AsNoTracking().SingleAsync(), await db.CallLogs.AsNoTracking().SingleAsync(c => c.CallSid == call.CallSid));
        });
        lead.Channel.ShouldBe(ConversationChannel.Voice);
        lead.ContactName.ShouldBe("Sam Jones");
        lead.Phone.ShouldBe(VoiceBusinesses.Caller);
        log.LeadId.ShouldBe(lead.Id);
        log.ConversationId.ShouldBe(lead.ConversationId);
        log.From.ShouldBe(VoiceBusinesses.Caller);
    }

    [Fact]
    public async Task A_caller_number_the_phone_question_would_refuse_is_not_offered()
    {
        var business = await VoiceBusinesses.CreateAsync(fixture.Services);
        var call = new TestCall(fixture.Services, business, from: "+15551234568");
        await call.IncomingAsync();
        await call.SayAsync("I'd like to book an appointment");

        var phone = Twiml.Said(await call.SayAsync("Sam Jones"));

        phone.ShouldContain("What's the best phone number to reach you?");
        phone.ShouldNotContain("Is 1, 5 5 5", Case.Sensitive, "a yes would answer with a number the reader refuses as incomplete");
    }

    [Fact]
    public async Task Silence_is_asked_again_once_then_the_call_says_goodbye()
    {
        var business = await VoiceBusinesses.CreateAsync(fixture.Services);
        var call = new TestCall(fixture.Services, business);
        await call.IncomingAsync();

        var reprompt = await call.SilenceAsync();
        Twiml.Said(reprompt).ShouldBe("Sorry, I didn't catch that.");
        Twiml.GatherAction(reprompt)!.PathAndQuery.ShouldBe("/api/voice/gather?turn=1");
        Twiml.Redirect(reprompt)!.PathAndQuery.ShouldBe("/api/voice/gather?turn=1&silence=2");
        var goodbye = await call.SilenceAsync();

        Twiml.Verbs(goodbye).ShouldBe(["Say", "Hangup"]);
        Twiml.Said(goodbye).ShouldBe("Thank you for calling. Goodbye.");
        (await VisitorMessagesAsync(business)).ShouldBe(0);
    }

    [Fact]
    public async Task Silence_during_a_question_asks_the_question_again()
    {
        var business = await VoiceBusinesses.CreateAsync(fixture.Services);
        var call = new TestCall(fixture.Services, business);
        await call.IncomingAsync();
        await call.SayAsync("I'd like to book an appointment");

        Twiml.Said(await call.SilenceAsync()).ShouldBe("Sorry, I didn't catch that. What's your name?");
    }

    [Fact]
    public async Task Asking_for_a_person_puts_the_call_through_to_the_lines_forwarding_number_and_voicemail_takes_an_unanswered_one()
    {
        var business = await VoiceBusinesses.CreateAsync(fixture.Services);
        var call = new TestCall(fixture.Services, business);
        await call.IncomingAsync();

        var transfer = await call.SayAsync("Can I talk to a real person?");
        Twiml.Verbs(transfer)[^1].ShouldBe("Dial");
        var dial = transfer.Root!.Element("Dial")!;
        dial.Value.ShouldBe(business.ForwardTo);
        dial.Attribute("timeout")!.Value.ShouldBe("20");
        new Uri(dial.Attribute("action")!.Value).PathAndQuery.ShouldBe("/api/voice/fallback?dial=1");
        Twiml.Said(transfer).ShouldContain("I'll transfer you to the team.");
        Twiml.Said(transfer).ShouldNotContain("What's your name?");

        var voicemail = await call.DialEndedAsync("no-answer");
        Twiml.Said(voicemail).ShouldContain("no one could take your call");
        var record = voicemail.Root!.Element("Record")!;
        new Uri(record.Attribute("action")!.Value).PathAndQuery.ShouldBe("/api/voice/recording");
        record.Attribute("transcribe")!.Value.ShouldBe("true");
        Twiml.Verbs(await call.DialEndedAsync("completed")).ShouldBe(["Hangup"]);
    }

    [Fact]
    public async Task Asking_for_a_person_on_a_line_without_a_forwarding_number_takes_a_message()
    {
        var business = await VoiceBusinesses.CreateAsync(fixture.Services, forwardTo: null);
        var call = new TestCall(fixture.Services, business);
        await call.IncomingAsync();

        var voicemail = await call.SayAsync("Can I talk to a real person?");

        Twiml.Verbs(voicemail).ShouldNotContain("Dial");
        Twiml.Verbs(voicemail).ShouldContain("Record");
        Twiml.Said(voicemail).ShouldContain("Please leave your name, your number and a short message after the tone.");
    }

    [Theory]
    [InlineData("FREE", true)]
    [InlineData("PRO", false)]
    public async Task A_line_that_cant_serve_is_politely_put_through_to_the_owner_without_a_conversation(string edition, bool lineActive)
    {
        var business = await VoiceBusinesses.CreateAsync(fixture.Services, edition, lineActive: lineActive);
        var call = new TestCall(fixture.Services, business);

        var forward = await call.IncomingAsync();

        Twiml.Verbs(forward).ShouldBe(["Say", "Say", "Dial"]);
        Twiml.Said(forward).ShouldStartWith("Thank you for calling. Our assistant can't take this call right now.");
        forward.Root!.Element("Dial")!.Value.ShouldBe(business.ForwardTo);
        var conversations = await fixture.InTenantAsync(business.TenantId, sp => sp.GetRequiredService<ISmbAgentDbContext>().Conversations.CountAsync());
        conversations.ShouldBe(0);
    }

    [Fact]
    public async Task A_retried_gather_is_answered_the_same_without_a_second_turn()
    {
        var business = await VoiceBusinesses.CreateAsync(fixture.Services);
        var call = new TestCall(fixture.Services, business);
        await call.IncomingAsync();

        var first = await call.GatherAsync(1, 0, "When are you open on Saturday?", null);
        var retry = await call.GatherAsync(1, 0, "When are you open on Saturday?", null);

        retry.ToString().ShouldBe(first.ToString());
        (await VisitorMessagesAsync(business)).ShouldBe(1);
    }

    [Fact]
    public async Task The_twiml_stays_well_formed_when_the_business_and_agent_names_hold_markup()
    {
        const string businessName = "Bob's <Pipes> & \"Drains\"";
        const string welcome = "Hi, this is Ava <\"&'> at Bob's <Pipes> & \"Drains\". How can I help?";
        var business = await VoiceBusinesses.CreateAsync(fixture.Services, name: businessName, agent: a =>
        {
            a.AgentName = "Ava <\"&'>";
            a.WelcomeMessage = welcome;
        });
        var call = new TestCall(fixture.Services, business);

        var greeting = await call.IncomingAsync();

        Twiml.Said(greeting).ShouldBe(welcome);
        Twiml.Verbs(greeting).ShouldBe(["Gather", "Redirect"]);
    }

    [Fact]
    public async Task A_choice_question_is_read_with_its_keys_and_a_pressed_key_answers_it()
    {
        var business = await VoiceBusinesses.CreateAsync(fixture.Services, questions: questions =>
        {
            var first = questions[0];
            first.Text = "Are you looking to buy, sell or rent?";
            first.Format = LeadQuestionFormat.Choice;
            first.Options = ["Buy", "Sell", "Rent"];
            first.MapsTo = LeadField.Notes;
        });
        var call = new TestCall(fixture.Services, business);
        await call.IncomingAsync();

        var choice = await call.SayAsync("I'd like to book an appointment");
        Twiml.Said(choice).ShouldContain("Are you looking to buy, sell or rent? You can say Buy, Sell or Rent, or press 1 for Buy, 2 for Sell, 3 for Rent.");
        Twiml.Gather(choice)!.Attribute("numDigits")!.Value.ShouldBe("1");
        Twiml.Gather(choice)!.Attribute("hints")!.Value.ShouldStartWith("Buy, Sell, Rent");
        await call.PressAsync("2");

        var answers = await fixture.InTenantAsync(business.TenantId, sp => sp.GetRequiredService<ISmbAgentDbContext>().Conversations.AsNoTracking().Select(c => c.Answers).SingleAsync());
        answers.ShouldHaveSingleItem().Value.ShouldBe("Sell");
    }

    private Task<int> VisitorMessagesAsync(VoiceBusiness business) =>
        fixture.InTenantAsync(business.TenantId, sp => sp.GetRequiredService<ISmbAgentDbContext>().ConversationMessages.CountAsync(m => m.Role == MessageRole.Visitor));
}
