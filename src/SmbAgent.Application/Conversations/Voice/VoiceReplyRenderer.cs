using System.Globalization;
using SmbAgent.Conversations.Replies;

namespace SmbAgent.Conversations.Voice;

/// <summary>
/// The phone line's words for each reply, as plain sentences to be spoken: an answer without its sources (kept on the
/// message for the transcript, never read out) and the business's phone digit by digit.
/// </summary>
public sealed class VoiceReplyRenderer : IReplyRenderer
{
    public ConversationChannel Channel => ConversationChannel.Voice;

    public RenderedReply Render(AgentReply reply, ReplyContext context)
    {
        var texts = AgentTexts.For(context.Language, Channel);
        return reply switch
        {
            AnswerReply answer => new RenderedReply(answer.Text, answer.Citations),
            _ => new RenderedReply(TextOf(reply, texts, context), []),
        };
    }

    private static string TextOf(AgentReply reply, AgentTexts texts, ReplyContext context) => reply switch
    {
        QuestionReply { ValidationHint: { } hint } question => string.Format(CultureInfo.InvariantCulture, texts.Reask, hint, question.Text),
        QuestionReply question => question.Text,
        EmergencyReply emergency => Join(texts.Emergency, CallUs(texts, emergency.BusinessPhone), emergency.OwnerMessage),
        HandOffReply => texts.HandOff,
        ThanksReply thanks => texts.Thanks(thanks, context.AgentLanguage),
        NotFoundReply notFound => Join(texts.NotFound, texts.DidYouMeanAny(notFound.Suggestions), notFound.OffersDetails ? texts.OfferDetails : texts.AnythingElse),
        UnavailableReply => texts.Unavailable,
        InfoReply info => texts.Info(info.Info, context.Language),
        _ => throw new ArgumentOutOfRangeException(nameof(reply), reply.GetType().Name, "The phone line has no words for this reply."),
    };

    private static string? CallUs(AgentTexts texts, string? phone) =>
        string.IsNullOrWhiteSpace(phone) ? null : string.Format(CultureInfo.InvariantCulture, texts.EmergencyCallUs, SpokenPhone.Of(phone));

    private static string Join(params string?[] sentences) => string.Join(' ', sentences.Where(s => !string.IsNullOrWhiteSpace(s)));
}
