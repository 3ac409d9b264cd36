using SmbAgent.Conversations;
using SmbAgent.Conversations.Voice;
using SmbAgent.Leads;

namespace SmbAgent.Application.Tests.Conversations.Engine;

/// <summary>What the engine means, in the words of the conversation's channel: written for a chat, spoken on a phone.</summary>
public sealed class ChannelWordingTests
{
    [Theory]
    [InlineData("en", "hello", "say", "My basement is FLOODING!!")]
    [InlineData("es", "hola", "diga", "reventó una tubería en el baño")]
    [InlineData("fr", "bonjour", "dites", "La cave est inondée")]
    [InlineData("de", "hallo", "sagen", "Der Keller ist überflutet")]
    [InlineData("it", "ciao", "dica", "Il bagno è allagato")]
    [InlineData("pt", "olá", "diga", "A cozinha está inundada")]
    public async Task A_caller_hears_the_voice_wording_in_their_language(string language, string greeting, string say, string emergency)
    {
        var voice = AgentTexts.For(language, ConversationChannel.Voice);
        using var call = new EngineHarness(language, channel: ConversationChannel.Voice);
        using var urgentCall = new EngineHarness(
            language, [EngineHarness.Question("Your phone?", LeadQuestionFormat.Phone, 0, required: true, LeadField.Phone, essential: true)], ConversationChannel.Voice);

        var welcome = await call.SayAndHearAsync(greeting);
        var notFound = await call.SayAndHearAsync("Who won the football world cup in 1966?");
        var alert = await urgentCall.SayAndHearAsync(emergency);
        var done = await urgentCall.SayAndHearAsync("+1 415 555 0189");

        welcome.ShouldBe([voice.Welcome]);
        notFound.ShouldBe([$"{voice.NotFound} {voice.OfferDetails}"]);
        notFound[0].ShouldContain(say, Case.Insensitive);
        alert[0].ShouldStartWith(voice.Emergency);
        alert[0].ShouldContain("1, 4 1 5, 5 5 5, 0 1 0 0");
        alert[1].ShouldBe("Your phone?");
        done[^1].ShouldBe(voice.EmergencyDone);
        foreach (var said in welcome.Concat(notFound).Concat(alert).Concat(done))
        {
            said.ShouldNotContain("Source");
            said.ShouldNotContain("http");
            said.ShouldNotContain("\n");
        }
    }

    [Fact]
    public async Task A_caller_hears_the_answer_without_its_sources_and_a_chat_reads_them()
    {
        using var call = new EngineHarness(channel: ConversationChannel.Voice);
        using var chat = new EngineHarness();

        var heard = await call.SayAndHearAsync("When are you open?");
        var read = await chat.SayAndHearAsync("When are you open?");

        heard[0].ShouldBe("We are open Monday to Friday from 8 am to 6 pm.");
        read[0].ShouldBe("We are open Monday to Friday from 8 am to 6 pm.\n\nSource: Plumbing FAQ");
    }

    [Fact]
    public async Task A_chat_visitor_still_reads_the_chat_wording()
    {
        using var chat = new EngineHarness();
        using var urgent = new EngineHarness();

        var welcome = await chat.SayAndHearAsync("hello");
        var notFound = await chat.SayAndHearAsync("Who won the football world cup in 1966?");
        var alert = await urgent.SayAndHearAsync("My basement is flooding");

        welcome.ShouldBe(["Hi! How can I help you today?"]);
        notFound.ShouldBe(["I'm sorry, I don't have that information. Would you like to leave your details so the team can get back to you?"]);
        alert[0].ShouldBe("This sounds like an emergency. I'm alerting the team right now. If you can, also call us at +1 415 555 0100.");
    }

    [Fact]
    public async Task A_caller_asked_again_hears_the_hint_and_the_question_in_one_breath()
    {
        using var call = new EngineHarness(channel: ConversationChannel.Voice);
        await call.SayAsync("I'd like a quote");
        await call.SayAsync("Bo Smith");

        var reasked = await call.SayAndHearAsync("not a number");

        reasked.ShouldHaveSingleItem().ShouldContain("Let me ask again.");
        reasked[0].ShouldNotContain("\n");
    }

    [Fact]
    public void Both_channels_have_every_sentence_in_every_language()
    {
        AgentTexts.Languages.ShouldBe(["en", "es", "fr", "de", "it", "pt"], ignoreOrder: true);
        foreach (var language in AgentTexts.Languages)
        {
            var chat = AgentTexts.For(language, ConversationChannel.Chat);
            var voice = AgentTexts.For(language, ConversationChannel.Voice);
            foreach (var texts in new[] { chat, voice })
            {
                Sentences(texts).ShouldAllBe(sentence => !string.IsNullOrWhiteSpace(sentence), $"{language}");
            }

            voice.OfferDetails.ShouldNotBe(chat.OfferDetails, language);
            voice.Welcome.ShouldNotBe(chat.Welcome, language);
            (language == "en" || voice.Welcome != AgentTexts.For("en", ConversationChannel.Voice).Welcome).ShouldBeTrue($"{language} has a voice table of its own");
        }
    }

    [Theory]
    [InlineData("+1 415 555 0100", "1, 4 1 5, 5 5 5, 0 1 0 0")]
    [InlineData("(020) 7946-0958", "0 2 0, 7 9 4 6, 0 9 5 8")]
    public void A_phone_number_is_said_digit_by_digit_in_its_groups(string phone, string spoken) =>
        SpokenPhone.Of(phone).ShouldBe(spoken);

    private static IEnumerable<string> Sentences(AgentTexts texts) =>
    [
        texts.Welcome, texts.NotFound, texts.OfferDetails, texts.AnythingElse, texts.StartDetails, texts.Reask, texts.ThanksOpen,
        texts.ThanksAfterHours, texts.ThanksAfterHoursUnknown, texts.Emergency, texts.EmergencyCallUs, texts.EmergencyDone,
        texts.HandOff, texts.Declined, texts.Unavailable, texts.LengthLimit,
    ];
}
