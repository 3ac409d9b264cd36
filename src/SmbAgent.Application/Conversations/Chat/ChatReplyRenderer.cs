using System.Globalization;
using SmbAgent.Conversations.Assistant;
using SmbAgent.Conversations.Replies;

namespace SmbAgent.Conversations.Chat;

/// <summary>The chat's words for each reply: written sentences, an answer followed by the titles it draws on.</summary>
public sealed class ChatReplyRenderer : IReplyRenderer
{
    public ConversationChannel Channel => ConversationChannel.Chat;

    public RenderedReply Render(AgentReply reply, ReplyContext context)
    {
        var texts = AgentTexts.For(context.Language);
        return reply switch
        {
            AnswerReply answer => new RenderedReply(
                $"{answer.Text}\n\n{texts.SourcePrefix}: {string.Join(", ", answer.Citations.Select(c => c.SourceTitle).Distinct(StringComparer.Ordinal))}",
                answer.Citations),
            _ => new RenderedReply(TextOf(reply, texts, context), []),
        };
    }

    private static string TextOf(AgentReply reply, AgentTexts texts, ReplyContext context) => reply switch
    {
        QuestionReply { ValidationHint: { } hint } question => $"{hint}\n{question.Text}",
        QuestionReply question => question.Text,
        EmergencyReply emergency => Join(texts.Emergency, CallUs(texts, emergency.BusinessPhone), emergency.OwnerMessage),
        HandOffReply => texts.HandOff,
        ThanksReply thanks => Thanks(thanks, texts, context),
        NotFoundReply notFound => NotFound(notFound, texts),
        UnavailableReply unavailable => Join(texts.Unavailable, CallUs(texts, unavailable.BusinessPhone)),
        InfoReply { Info: InfoKind.Welcome } => texts.Welcome,
        InfoReply { Info: InfoKind.StartDetails } => texts.StartDetails,
        InfoReply { Info: InfoKind.AnythingElse } => texts.AnythingElse,
        InfoReply { Info: InfoKind.Declined } => texts.Declined,
        InfoReply { Info: InfoKind.Refusal } => AssistantTexts.Refusal(context.Language),
        InfoReply { Info: InfoKind.LengthLimit } => texts.LengthLimit,
        _ => throw new ArgumentOutOfRangeException(nameof(reply), reply.GetType().Name, "The chat has no words for this reply."),
    };

    private static string Thanks(ThanksReply thanks, AgentTexts texts, ReplyContext context)
    {
        if (thanks.Emergency)
        {
            return texts.EmergencyDone;
        }

        if (!string.IsNullOrWhiteSpace(thanks.CompletionMessage))
        {
            return thanks.CompletionMessage;
        }

        if (thanks.OpenNow)
        {
            return texts.ThanksOpen;
        }

        return thanks.NextOpening is { } opening
            ? string.Format(CultureInfo.InvariantCulture, texts.ThanksAfterHours, opening.ToString("dddd HH:mm", CultureInfo.GetCultureInfo(context.AgentLanguage)))
            : texts.ThanksAfterHoursUnknown;
    }

    // The suggestions come before the closing question, so that a "yes" still answers the offer the engine awaits;
    // an FAQ question's own question mark would double the sentence's.
    private static string NotFound(NotFoundReply notFound, AgentTexts texts)
    {
        var next = notFound.OffersDetails ? texts.OfferDetails : texts.AnythingElse;
        if (notFound.Suggestions.Count == 0)
        {
            return $"{texts.NotFound} {next}";
        }

        var suggestions = string.Join($" {texts.Or} ", notFound.Suggestions.Select(s => s.TrimEnd('?', ' ')));
        return $"{texts.NotFound} {string.Format(CultureInfo.InvariantCulture, texts.DidYouMean, suggestions)}\n{next}";
    }

    private static string? CallUs(AgentTexts texts, string? phone) =>
        string.IsNullOrWhiteSpace(phone) ? null : string.Format(CultureInfo.InvariantCulture, texts.EmergencyCallUs, phone);

    private static string Join(params string?[] sentences) => string.Join(' ', sentences.Where(s => !string.IsNullOrWhiteSpace(s)));
}
