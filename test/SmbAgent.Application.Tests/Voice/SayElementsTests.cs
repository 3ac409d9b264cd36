using System.Xml.Linq;
using SmbAgent.Conversations;
using SmbAgent.Conversations.Chat;
using SmbAgent.Conversations.Replies;
using SmbAgent.Voice.Speech;
using Twilio.TwiML;

namespace SmbAgent.Application.Tests.Voice;

/// <summary>The plain &lt;Say&gt;, with SSML elements only for voices that read them and only on the phone.</summary>
public sealed class SayElementsTests
{
    private const string Text = "This sounds like an emergency! I'm alerting the team now. You can also call 4 1 5, 5 5 5, 0 1 0 0.";

    [Fact]
    public void A_Polly_voice_gets_pauses_emphasis_and_a_slower_pace_for_digits_as_SSML_elements()
    {
        var say = Parse(SayElements.For(new SpeechRequest(Guid.NewGuid(), Text, "en", "Polly.Joanna", null, MaySpeakSsml: true)));

        say.Attribute("voice")!.Value.ShouldBe("Polly.Joanna");
        say.Attribute("language")!.Value.ShouldBe("en-US");
        say.Elements("break").Count().ShouldBe(2);
        say.Element("emphasis")!.Value.ShouldBe("This sounds like an emergency!");
        say.Element("s")!.Value.ShouldBe("I'm alerting the team now.");
        say.Element("prosody")!.Value.ShouldBe("You can also call 4 1 5, 5 5 5, 0 1 0 0.");
        say.ToString().ShouldNotContain("&lt;");
    }

    [Fact]
    public void A_Google_voice_reads_SSML_too()
    {
        var say = Parse(SayElements.For(new SpeechRequest(Guid.NewGuid(), "One. Two.", "de", "Google.de-DE-Standard-A", null, MaySpeakSsml: true)));

        say.Elements("break").Count().ShouldBe(1);
        say.Attribute("language")!.Value.ShouldBe("de-DE");
    }

    [Theory]
    [InlineData("alice")]
    [InlineData("man")]
    [InlineData("woman")]
    public void Twilios_own_voices_get_the_text_alone(string voice)
    {
        var say = Parse(SayElements.For(new SpeechRequest(Guid.NewGuid(), Text, "en", voice, null, MaySpeakSsml: true)));

        say.HasElements.ShouldBeFalse();
        say.Value.ShouldBe(Text);
    }

    [Fact]
    public void Text_that_may_hold_the_callers_words_gets_no_SSML_and_stays_text()
    {
        const string callerText = "You said <break time=\"10s\"/> & \"more\".";

        var say = Parse(SayElements.For(new SpeechRequest(Guid.NewGuid(), callerText, "en", "Polly.Joanna", null, MaySpeakSsml: false)));

        say.HasElements.ShouldBeFalse();
        say.Value.ShouldBe(callerText);
    }

    [Fact]
    public void The_chat_never_gets_SSML()
    {
        var renderer = new ChatReplyRenderer();
        var context = new ReplyContext("en", "en");
        AgentReply[] replies =
        [
            new EmergencyReply(LeadPriority.Urgent, "+1 415 555 0100", "Turn off the main valve!"),
            new InfoReply(InfoKind.Welcome),
            new HandOffReply(),
            new NotFoundReply(OffersDetails: true, ["Do you fix boilers?"]),
        ];

        foreach (var reply in replies)
        {
            var text = renderer.Render(reply, context).Text;
            text.ShouldNotContain("<speak", Case.Insensitive);
            text.ShouldNotContain("<break", Case.Insensitive);
            text.ShouldNotContain("<emphasis", Case.Insensitive);
            text.ShouldNotContain("<prosody", Case.Insensitive);
        }

        renderer.Channel.ShouldBe(ConversationChannel.Chat);
    }

    private static XElement Parse(TwiML twiml) =>
        XElement.Parse(twiml.ToString(SaveOptions.DisableFormatting).Replace("<?xml version=\"1.0\" encoding=\"utf-8\"?>", string.Empty, StringComparison.Ordinal));
}
