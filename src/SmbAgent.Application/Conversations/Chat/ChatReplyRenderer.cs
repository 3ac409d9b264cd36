using System.Globalization;
using SmbAgent.Conversations.Replies;

namespace SmbAgent.Conversations.Chat;

/// <summary>The chat's words for each reply: written sentences, an answer followed by the titles it draws on.</summary>
public sealed class ChatReplyRenderer : IReplyRenderer
{
    /// <summary>What introduces an answer's sources, a chat's alone: a phone line doesn't read them out.</summary>
    private static readonly Dictionary<string, string> SourcePrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "Source",
        ["es"] = "Fuente",
        ["fr"] = "Source",
        ["de"] = "Quelle",
        ["it"] = "Fonte",
        ["pt"] = "Fonte",
    };

    public ConversationChannel Channel => ConversationChannel.Chat;

    public RenderedReply Render(AgentReply reply, ReplyContext context)
    {
        var texts = AgentTexts.For(context.Language, Channel);
        return reply switch
        {
            AnswerReply answer => new RenderedReply(
                $"{answer.Text}\n\n{SourcePrefix(context.Language)}: {string.Join(", ", answer.Citations.Select(c => c.SourceTitle).Distinct(StringComparer.Ordinal))}",
                answer.Citations),
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
        NotFoundReply notFound => NotFound(notFound, texts),
        UnavailableReply unavailable => Join(texts.Unavailable, CallUs(texts, unavailable.BusinessPhone)),
        InfoReply info => texts.Info(info.Info, context.Language),
        _ => throw new ArgumentOutOfRangeException(nameof(reply), reply.GetType().Name, "The chat has no words for this reply."),
    };

    private static string SourcePrefix(string language) => SourcePrefixes.TryGetValue(language, out var prefix) ? prefix : SourcePrefixes["en"];

    // The suggestions come before the closing question, so that a "yes" still answers the offer the engine awaits.
    private static string NotFound(NotFoundReply notFound, AgentTexts texts)
    {
        var next = notFound.OffersDetails ? texts.OfferDetails : texts.AnythingElse;
        return texts.DidYouMeanAny(notFound.Suggestions) is { } suggestions
            ? $"{texts.NotFound} {suggestions}\n{next}"
            : $"{texts.NotFound} {next}";
    }

    private static string? CallUs(AgentTexts texts, string? phone) =>
        string.IsNullOrWhiteSpace(phone) ? null : string.Format(CultureInfo.InvariantCulture, texts.EmergencyCallUs, phone);

    private static string Join(params string?[] sentences) => string.Join(' ', sentences.Where(s => !string.IsNullOrWhiteSpace(s)));
}
