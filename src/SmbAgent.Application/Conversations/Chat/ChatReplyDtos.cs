using System.Text.Json;
using SmbAgent.Conversations.Replies;

namespace SmbAgent.Conversations.Chat;

/// <summary>A semantic reply as the widget's flat <see cref="ChatReplyDto"/>.</summary>
public static class ChatReplyDtos
{
    public static ChatReplyDto From(AgentReply reply) => reply switch
    {
        AnswerReply answer => new("answer") { Confidence = answer.Confidence },
        QuestionReply question => new("question")
        {
            QuestionId = question.QuestionId,
            Format = question.Format,
            Choices = question.Choices,
            CanSkip = question.CanSkip,
            Hint = question.ValidationHint,
        },
        EmergencyReply emergency => new("emergency") { Level = emergency.Level, BusinessPhone = emergency.BusinessPhone },
        HandOffReply => new("handOff"),
        ThanksReply thanks => new("thanks") { OpenNow = thanks.OpenNow },
        NotFoundReply notFound => new("notFound") { Suggestions = notFound.Suggestions },
        UnavailableReply unavailable => new("unavailable") { BusinessPhone = unavailable.BusinessPhone },
        InfoReply info => new("info") { Info = JsonNamingPolicy.CamelCase.ConvertName(info.Info.ToString()) },
        _ => throw new ArgumentOutOfRangeException(nameof(reply), reply.GetType().Name, "The widget has no shape for this reply."),
    };
}
