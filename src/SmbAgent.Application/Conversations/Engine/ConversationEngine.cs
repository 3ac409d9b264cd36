using System.Globalization;
using SmbAgent.Conversations.Assistant;
using SmbAgent.Conversations.Emergencies;
using SmbAgent.Conversations.LeadCapture;
using SmbAgent.KnowledgeBase.Search;
using SmbAgent.Leads;

namespace SmbAgent.Conversations.Engine;

/// <summary>
/// One visitor turn through the deterministic flow: emergency check → (lead capture | answer from knowledge |
/// start lead capture). Everything it decides from is on <see cref="Conversation"/> and <see cref="TurnSettings"/>;
/// the caller stores the conversation, the messages and the lead together. The assistant (a language model or the
/// local rules) only reads the visitor's intent and words answers; every transition is decided here.
/// </summary>
public sealed class ConversationEngine(
    IKnowledgeSearch knowledge,
    EmergencyDetector emergencies,
    LeadAnswerValidator answers,
    IConversationAssistant assistant)
{
    public async Task<TurnOutcome> HandleAsync(Conversation conversation, string text, TurnSettings settings, CancellationToken cancellationToken)
    {
        var texts = AgentTexts.For(conversation.Language);
        var replies = new List<AgentReply>();
        if (conversation.State == ConversationState.HandOff)
        {
            return new TurnOutcome(replies, null, HumanRequested: false);
        }

        if (conversation.LeadId is null && await DetectEmergencyAsync(conversation, text, settings, cancellationToken))
        {
            replies.Add(AgentReply.Plain(EmergencyText(texts, settings)));
            if (conversation.State != ConversationState.LeadCapture)
            {
                return StartLeadCapture(conversation, settings, replies, texts);
            }

            // The answer to the current question may be the emergency itself: only an essential question stays current.
            if (conversation.CurrentQuestionId is { } current && !Plan(conversation, settings).Any(q => q.Id == current))
            {
                return AskNext(conversation, settings, replies, texts);
            }
        }

        if (settings.OverQuota && !conversation.IsEmergency)
        {
            replies.Add(AgentReply.Plain(string.IsNullOrWhiteSpace(settings.Profile.Phone)
                ? texts.Unavailable
                : $"{texts.Unavailable} {string.Format(CultureInfo.InvariantCulture, texts.EmergencyCallUs, settings.Profile.Phone)}"));
            return new TurnOutcome(replies, null, HumanRequested: false);
        }

        if (conversation.State == ConversationState.LeadCapture)
        {
            return Answer(conversation, text, settings, replies, texts);
        }

        var reading = await assistant.ReadAsync(text, conversation.Language, cancellationToken);
        var intent = reading.Intent;
        if (conversation.AwaitingDetailsConsent)
        {
            conversation.AwaitingDetailsConsent = false;
            if (intent == VisitorIntent.Yes)
            {
                return StartLeadCapture(conversation, settings, replies, texts);
            }

            if (intent == VisitorIntent.No)
            {
                replies.Add(AgentReply.Plain(texts.Declined));
                return new TurnOutcome(replies, null, HumanRequested: false);
            }
        }

        if (intent == VisitorIntent.ChangeInstructions)
        {
            replies.Add(AgentReply.Plain(AssistantTexts.Refusal(conversation.Language)));
            return new TurnOutcome(replies, null, HumanRequested: false);
        }

        if (intent is VisitorIntent.Human or VisitorIntent.LeaveDetails && conversation.LeadId is null)
        {
            replies.Add(AgentReply.Plain(intent == VisitorIntent.Human ? texts.HandOff : texts.StartDetails));
            Prefill(conversation, settings, reading.Details);
            var outcome = StartLeadCapture(conversation, settings, replies, texts);
            return outcome with { HumanRequested = intent == VisitorIntent.Human };
        }

        if (intent == VisitorIntent.Human)
        {
            replies.Add(AgentReply.Plain(texts.HandOff));
            return new TurnOutcome(replies, null, HumanRequested: true);
        }

        if (intent == VisitorIntent.Greeting)
        {
            replies.Add(AgentReply.Plain(texts.Welcome));
            return new TurnOutcome(replies, null, HumanRequested: false);
        }

        await AnswerFromKnowledgeAsync(conversation, text, replies, texts, cancellationToken);
        return new TurnOutcome(replies, null, HumanRequested: false);
    }

    private async Task<bool> DetectEmergencyAsync(Conversation conversation, string text, TurnSettings settings, CancellationToken cancellationToken)
    {
        var assessment = await emergencies.DetectAsync(text, conversation.Language, settings.EmergencyWords, cancellationToken);
        if (EmergencyConfirmation.IsNeeded(assessment, conversation.Priority))
        {
            assessment = EmergencyConfirmation.Combine(assessment, await assistant.JudgeEmergencyAsync(text, settings.Profile.Type, cancellationToken));
        }

        if (assessment.Level > conversation.Priority)
        {
            conversation.Priority = assessment.Level;
        }

        if (assessment.Level != LeadPriority.Urgent || conversation.IsEmergency)
        {
            return false;
        }

        conversation.IsEmergency = true;
        return true;
    }

    private async Task AnswerFromKnowledgeAsync(Conversation conversation, string text, List<AgentReply> replies, AgentTexts texts, CancellationToken cancellationToken)
    {
        var result = await knowledge.SearchAsync(text, top: 3, cancellationToken);
        var answer = result.Found
            ? await assistant.AnswerAsync(text, result.Passages, conversation.Language, cancellationToken)
            : AssistantAnswer.NotInPassages;
        if (answer.Kind == AssistantAnswerKind.Blocked)
        {
            replies.Add(AgentReply.Plain(AssistantTexts.Refusal(conversation.Language)));
            return;
        }

        if (answer.Kind == AssistantAnswerKind.NotInPassages)
        {
            if (conversation.LeadId is null)
            {
                conversation.AwaitingDetailsConsent = true;
                replies.Add(AgentReply.Plain($"{texts.NotFound} {texts.OfferDetails}"));
            }
            else
            {
                replies.Add(AgentReply.Plain($"{texts.NotFound} {texts.AnythingElse}"));
            }

            return;
        }

        var citations = answer.Sources.Select(p => new MessageCitation(p.SourceId, p.SourceTitle, p.Citation, p.Link)).ToList();
        var sources = string.Join(", ", answer.Sources.Select(p => p.SourceTitle).Distinct(StringComparer.Ordinal));
        replies.Add(new AgentReply($"{answer.Text}\n\n{texts.SourcePrefix}: {sources}", citations));
        replies.Add(AgentReply.Plain(texts.AnythingElse));
    }

    private static TurnOutcome StartLeadCapture(Conversation conversation, TurnSettings settings, List<AgentReply> replies, AgentTexts texts)
    {
        conversation.State = ConversationState.LeadCapture;
        conversation.AwaitingDetailsConsent = false;
        return AskNext(conversation, settings, replies, texts);
    }

    private TurnOutcome Answer(Conversation conversation, string text, TurnSettings settings, List<AgentReply> replies, AgentTexts texts)
    {
        var question = settings.Questions.FirstOrDefault(q => q.Id == conversation.CurrentQuestionId);
        if (question is null)
        {
            return AskNext(conversation, settings, replies, texts);
        }

        var result = answers.Validate(question, text, Context(conversation, settings));
        switch (result)
        {
            case LeadAnswerResult.Accepted accepted:
                Record(conversation, question, accepted.Value);
                break;
            case LeadAnswerResult.Skipped:
                Record(conversation, question, null);
                break;
            case LeadAnswerResult.Invalid invalid when !conversation.Reasked:
                conversation.Reasked = true;
                replies.Add(AgentReply.Plain($"{invalid.Hint}\n{question.Text}"));
                return new TurnOutcome(replies, null, HumanRequested: false);
            default:
                // Asked twice: keep what was said rather than loop, so the flow always finishes.
                Record(conversation, question, question.IsRequired ? text.Trim() : null);
                break;
        }

        return AskNext(conversation, settings, replies, texts);
    }

    /// <summary>Contact details given with the request answer their questions, when each question's own validation accepts them.</summary>
    private void Prefill(Conversation conversation, TurnSettings settings, VisitorDetails details)
    {
        foreach (var question in Plan(conversation, settings))
        {
            var value = question.MapsTo switch
            {
                LeadField.ContactName => details.Name,
                LeadField.Phone => details.Phone,
                LeadField.Email => details.Email,
                _ => null,
            };
            if (value is not null && answers.Validate(question, value, Context(conversation, settings)) is LeadAnswerResult.Accepted accepted)
            {
                Record(conversation, question, accepted.Value);
            }
        }
    }

    private static void Record(Conversation conversation, LeadQuestion question, string? value)
    {
        conversation.Answers = [.. conversation.Answers.Where(a => a.QuestionId != question.Id), new CollectedAnswer(question.Id, question.Text, value)];
        conversation.Reasked = false;
    }

    private static TurnOutcome AskNext(Conversation conversation, TurnSettings settings, List<AgentReply> replies, AgentTexts texts)
    {
        var next = Plan(conversation, settings).FirstOrDefault(q => conversation.Answers.TrueForAll(a => a.QuestionId != q.Id));
        if (next is not null)
        {
            conversation.CurrentQuestionId = next.Id;
            conversation.Reasked = false;
            replies.Add(AgentReply.Plain(next.Text));
            return new TurnOutcome(replies, null, HumanRequested: false);
        }

        conversation.State = ConversationState.Completed;
        conversation.CurrentQuestionId = null;
        var lead = LeadFactory.Create(conversation, settings);
        conversation.LeadId = lead.Id;
        replies.Add(AgentReply.Plain(conversation.IsEmergency ? texts.EmergencyDone : Thanks(texts, settings)));
        return new TurnOutcome(replies, lead, HumanRequested: false);
    }

    /// <summary>The questions to ask: in an emergency only those marked essential (or, when none is, the required ones).</summary>
    private static IEnumerable<LeadQuestion> Plan(Conversation conversation, TurnSettings settings)
    {
        var ordered = settings.Questions.OrderBy(q => q.Position);
        if (!conversation.IsEmergency)
        {
            return ordered;
        }

        var essential = ordered.Where(q => q.IsEssentialForEmergency).ToList();
        return essential.Count > 0 ? essential : ordered.Where(q => q.IsRequired);
    }

    private static string Thanks(AgentTexts texts, TurnSettings settings)
    {
        if (BusinessClock.IsOpen(settings.Profile, settings.Now))
        {
            return texts.ThanksOpen;
        }

        return BusinessClock.NextOpening(settings.Profile, settings.Now) is { } opening
            ? string.Format(CultureInfo.InvariantCulture, texts.ThanksAfterHours, opening.ToString("dddd HH:mm", CultureInfo.GetCultureInfo(settings.Agent.Language)))
            : texts.ThanksAfterHoursUnknown;
    }

    private static string EmergencyText(AgentTexts texts, TurnSettings settings) =>
        string.IsNullOrWhiteSpace(settings.Profile.Phone)
            ? texts.Emergency
            : $"{texts.Emergency} {string.Format(CultureInfo.InvariantCulture, texts.EmergencyCallUs, settings.Profile.Phone)}";

    private static LeadAnswerContext Context(Conversation conversation, TurnSettings settings) =>
        new(conversation.Language, settings.Profile.Country, settings.Profile.TimeZone);
}
