using SmbAgent.Conversations;
using SmbAgent.Conversations.Replies;
using SmbAgent.Leads;

namespace SmbAgent.Application.Tests.Conversations.Engine;

/// <summary>The engine's state machine driven directly: what it means to say at each step, in no channel's words.</summary>
public sealed class ConversationEngineTests
{
    [Fact]
    public async Task A_greeting_is_welcomed()
    {
        using var engine = new EngineHarness();

        var outcome = await engine.SayAsync("hello");

        outcome.Replies.ShouldBe([new InfoReply(InfoKind.Welcome)]);
        engine.Conversation.State.ShouldBe(ConversationState.Open);
    }

    [Fact]
    public async Task A_question_the_knowledge_answers_is_answered_with_its_source_and_confidence()
    {
        using var engine = new EngineHarness();

        var outcome = await engine.SayAsync("When are you open?");

        var answer = outcome.Replies[0].ShouldBeOfType<AnswerReply>();
        answer.Text.ShouldBe("We are open Monday to Friday from 8 am to 6 pm.");
        answer.Citations.ShouldHaveSingleItem().SourceTitle.ShouldBe("Plumbing FAQ");
        answer.Confidence.ShouldBe(EngineHarness.OpeningHours.VectorSimilarity);
        outcome.Replies[1].ShouldBe(new InfoReply(InfoKind.AnythingElse));
    }

    [Fact]
    public async Task A_question_it_cannot_answer_offers_to_take_details_and_a_yes_starts_the_questions()
    {
        using var engine = new EngineHarness();

        var unknown = await engine.SayAsync("Who won the football world cup in 1966?");
        var yes = await engine.SayAsync("yes please");

        var notFound = unknown.Replies.ShouldHaveSingleItem().ShouldBeOfType<NotFoundReply>();
        notFound.OffersDetails.ShouldBeTrue();
        notFound.Suggestions.ShouldBeEmpty();
        yes.Replies.ShouldHaveSingleItem().ShouldBeOfType<QuestionReply>().Text.ShouldBe("What's your name?");
        engine.Conversation.State.ShouldBe(ConversationState.LeadCapture);
    }

    [Fact]
    public async Task A_no_to_the_offer_is_declined_politely()
    {
        using var engine = new EngineHarness();
        await engine.SayAsync("Who won the football world cup in 1966?");

        var no = await engine.SayAsync("no thanks");

        no.Replies.ShouldBe([new InfoReply(InfoKind.Declined)]);
    }

    [Fact]
    public async Task Every_question_format_is_asked_with_its_format_re_asked_once_with_a_hint_and_skipped_when_optional()
    {
        using var engine = new EngineHarness(questions:
        [
            EngineHarness.Question("Your name?", LeadQuestionFormat.Text, 0, required: true, LeadField.ContactName),
            EngineHarness.Question("Your email?", LeadQuestionFormat.Email, 1, required: false, LeadField.Email),
            EngineHarness.Question("Your phone?", LeadQuestionFormat.Phone, 2, required: true, LeadField.Phone),
            EngineHarness.Question("Which day?", LeadQuestionFormat.Date, 3, required: false),
            EngineHarness.Question("How many rooms?", LeadQuestionFormat.Number, 4, required: false),
            EngineHarness.Question("Buy or sell?", LeadQuestionFormat.Choice, 5, required: true, LeadField.Custom, false, "Buy", "Sell"),
        ]);

        var start = await engine.SayAsync("I'd like a quote for a new water heater");
        var email = Asked(await engine.SayAsync("Bo Smith"));
        var reasked = Asked(await engine.SayAsync("not an address"));
        var phone = Asked(await engine.SayAsync("skip"));
        var date = Asked(await engine.SayAsync("+1 415 555 0189"));
        var number = Asked(await engine.SayAsync("tomorrow"));
        var choice = Asked(await engine.SayAsync("3"));
        var done = await engine.SayAsync("Buy");

        start.Replies[0].ShouldBe(new InfoReply(InfoKind.StartDetails));
        var name = start.Replies[1].ShouldBeOfType<QuestionReply>();
        (name.Format, name.CanSkip).ShouldBe((LeadQuestionFormat.Text, false));
        (email.Format, email.CanSkip, email.ValidationHint).ShouldBe((LeadQuestionFormat.Email, true, null));
        reasked.Format.ShouldBe(LeadQuestionFormat.Email);
        reasked.ValidationHint.ShouldNotBeNullOrWhiteSpace();
        (phone.Format, phone.CanSkip).ShouldBe((LeadQuestionFormat.Phone, false));
        date.Format.ShouldBe(LeadQuestionFormat.Date);
        number.Format.ShouldBe(LeadQuestionFormat.Number);
        choice.Format.ShouldBe(LeadQuestionFormat.Choice);
        choice.Choices.ShouldBe(["Buy", "Sell"]);
        done.Replies.ShouldHaveSingleItem().ShouldBe(new ThanksReply(Emergency: false, OpenNow: true, NextOpening: null, CompletionMessage: null));
        var lead = done.Lead.ShouldNotBeNull();
        lead.ContactName.ShouldBe("Bo Smith");
        lead.Email.ShouldBeNull();
        engine.Conversation.State.ShouldBe(ConversationState.Completed);
    }

    [Fact]
    public async Task An_emergency_in_the_first_message_asks_only_the_essential_questions()
    {
        using var engine = new EngineHarness();

        var outcome = await engine.SayAsync("My basement is flooding");

        outcome.Replies[0].ShouldBe(new EmergencyReply(LeadPriority.Urgent, "+1 415 555 0100", null));
        outcome.Replies[1].ShouldBeOfType<QuestionReply>().Format.ShouldBe(LeadQuestionFormat.Phone);
        engine.Conversation.IsEmergency.ShouldBeTrue();
    }

    [Fact]
    public async Task An_emergency_in_the_middle_of_the_questions_keeps_only_the_essential_ones()
    {
        using var engine = new EngineHarness();
        await engine.SayAsync("I'd like a quote");
        await engine.SayAsync("Bo Smith");

        var outcome = await engine.SayAsync("wait, the pipes under the sink have burst");

        outcome.Replies[0].ShouldBeOfType<EmergencyReply>();
        outcome.Replies[^1].ShouldBeOfType<QuestionReply>().Format.ShouldBe(LeadQuestionFormat.Phone);
    }

    [Fact]
    public async Task An_emergency_in_the_last_answer_finishes_the_lead_as_an_emergency()
    {
        using var engine = new EngineHarness(questions:
        [
            EngineHarness.Question("Your phone?", LeadQuestionFormat.Phone, 0, required: true, LeadField.Phone, essential: true),
            EngineHarness.Question("What's happening?", LeadQuestionFormat.Text, 1, required: true, LeadField.Notes, essential: true),
        ]);
        await engine.SayAsync("I'd like a quote");
        await engine.SayAsync("+1 415 555 0189");

        var outcome = await engine.SayAsync("there's a gas leak in the street");

        outcome.Replies[0].ShouldBeOfType<EmergencyReply>();
        outcome.Replies[^1].ShouldBeOfType<ThanksReply>().Emergency.ShouldBeTrue();
        outcome.Lead.ShouldNotBeNull().Priority.ShouldBe(LeadPriority.Urgent);
    }

    [Fact]
    public async Task Over_the_quota_only_an_emergency_is_handled_and_a_phone_line_may_take_a_message()
    {
        using var engine = new EngineHarness { OverQuota = true };

        var outcome = await engine.SayAsync("When are you open?");

        outcome.Replies.ShouldBe([new UnavailableReply("+1 415 555 0100")]);
        outcome.Hints.Voicemail.ShouldBeTrue();
    }

    [Fact]
    public async Task Asking_for_a_person_hands_off_and_hints_a_transfer()
    {
        using var engine = new EngineHarness();

        var outcome = await engine.SayAsync("Can I talk to a real person?");

        outcome.Replies[0].ShouldBe(new HandOffReply());
        outcome.HumanRequested.ShouldBeTrue();
        outcome.Hints.Transfer.ShouldBeTrue();
    }

    [Fact]
    public async Task During_a_takeover_the_agent_says_nothing()
    {
        using var engine = new EngineHarness();
        engine.Conversation.State = ConversationState.HandOff;

        var outcome = await engine.SayAsync("hello?");

        outcome.Replies.ShouldBeEmpty();
    }

    [Fact]
    public async Task After_hours_the_thanks_names_the_next_opening()
    {
        using var engine = new EngineHarness(questions: [EngineHarness.Question("Your phone?", LeadQuestionFormat.Phone, 0, required: true, LeadField.Phone)]);
        engine.Now = EngineHarness.ClosedTime;
        await engine.SayAsync("I'd like a quote");

        var outcome = await engine.SayAsync("+1 415 555 0189");

        var thanks = outcome.Replies.ShouldHaveSingleItem().ShouldBeOfType<ThanksReply>();
        thanks.OpenNow.ShouldBeFalse();
        thanks.NextOpening.ShouldNotBeNull().DayOfWeek.ShouldBe(DayOfWeek.Monday);
    }

    [Fact]
    public async Task A_finished_lead_is_thanked_with_the_owners_message_for_its_own_channel()
    {
        using var chat = new EngineHarness(questions: [EngineHarness.Question("Your phone?", LeadQuestionFormat.Phone, 0, required: true, LeadField.Phone)]);
        using var call = new EngineHarness(questions: chat.Questions, channel: ConversationChannel.Voice);
        foreach (var engine in new[] { chat, call })
        {
            engine.Agent.ChatCompletionMessage = "Thanks! Sam will email you today.";
            engine.Agent.VoiceCompletionMessage = "Thanks for calling. Sam will ring you back today.";
            await engine.SayAsync("I'd like a quote");
        }

        var read = await chat.SayAndHearAsync("+1 415 555 0189");
        var heard = await call.SayAndHearAsync("+1 415 555 0189");

        read.ShouldBe(["Thanks! Sam will email you today."]);
        heard.ShouldBe(["Thanks for calling. Sam will ring you back today."]);
    }

    [Fact]
    public async Task The_owners_completion_and_emergency_messages_are_meant_for_visitors_in_the_agents_language()
    {
        using var english = new EngineHarness();
        using var french = new EngineHarness("fr");
        foreach (var engine in new[] { english, french })
        {
            engine.Agent.EmergencyMessage = "Close the main valve.";
        }

        var said = (await english.SayAsync("My basement is flooding")).Replies[0].ShouldBeOfType<EmergencyReply>();
        var notSaid = (await french.SayAsync("La cave est inondée")).Replies[0].ShouldBeOfType<EmergencyReply>();

        said.OwnerMessage.ShouldBe("Close the main valve.");
        notSaid.OwnerMessage.ShouldBeNull();
    }

    [Theory]
    [InlineData("en", "My basement is FLOODING!!")]
    [InlineData("es", "reventó una tubería en el baño")]
    [InlineData("fr", "La cave est inondée")]
    [InlineData("de", "Der Keller ist überflutet")]
    [InlineData("it", "Il bagno è allagato")]
    [InlineData("pt", "A cozinha está inundada")]
    public async Task An_emergency_is_recognised_in_each_language(string language, string message)
    {
        using var engine = new EngineHarness(language);

        var outcome = await engine.SayAsync(message);

        outcome.Replies[0].ShouldBeOfType<EmergencyReply>().Level.ShouldBe(LeadPriority.Urgent);
    }

    private static QuestionReply Asked(SmbAgent.Conversations.Engine.TurnOutcome outcome) => outcome.Replies.ShouldHaveSingleItem().ShouldBeOfType<QuestionReply>();
}
