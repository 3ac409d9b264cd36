using SmbAgent.Conversations.Assistant;
using SmbAgent.Conversations.Emergencies;
using SmbAgent.Conversations.LeadCapture;
using SmbAgent.Conversations.Replies;
using SmbAgent.Conversations.Turns;
using SmbAgent.KnowledgeBase.Search;
using SmbAgent.Leads;

namespace SmbAgent.Conversations.Engine;

/// <summary>
/// One visitor turn through the deterministic flow: emergency check → (lead capture | answer from knowledge |
/// start lead capture). Everything it decides from is on <see cref="Conversation"/> and <see cref="TurnSettings"/>;
/// the caller stores the conversation, the messages and the lead together. It says what it means (<see cref="AgentReply"/>),
/// each channel puts that in its own words. The assistant (a language model or the
/// local rules) only reads the visitor's intent and words answers; every transition is decided here.
/// </summary>
public sealed class ConversationEngine(
    IKnowledgeSearch knowledge,
    EmergencyDetector emergencies,
    LeadAnswerValidator answers,
    IConversationAssistant assistant,
    TurnTimer timer)
{
    public async Task<TurnOutcome> HandleAsync(Conversation conversation, string text, TurnSettings settings, CancellationToken cancellationToken)
    {
        var replies = new List<AgentReply>();
        if (conversation.State == ConversationState.HandOff)
        {
            return new TurnOutcome(replies, null, HumanRequested: false);
        }

        if (conversation.LeadId is null && await DetectEmergencyAsync(conversation, text, settings, cancellationToken))
        {
            replies.Add(new EmergencyReply(conversation.Priority, Phone(settings), OwnersWords(conversation, settings, settings.Agent.EmergencyMessage)));
            if (conversation.State != ConversationState.LeadCapture)
            {
                return StartLeadCapture(conversation, settings, replies);
            }

            // The answer to the current question may be the emergency itself: only an essential question stays current.
            if (conversation.CurrentQuestionId is { } current && !Plan(conversation, settings).Any(q => q.Id == current))
            {
                return AskNext(conversation, settings, replies);
            }
        }

        if (settings.OverQuota && !conversation.IsEmergency)
        {
            replies.Add(new UnavailableReply(Phone(settings)));
            return new TurnOutcome(replies, null, HumanRequested: false) { Hints = TurnHints.None with { Voicemail = true } };
        }

        if (conversation.State == ConversationState.LeadCapture)
        {
            return Answer(conversation, text, settings, replies);
        }

        VisitorReading reading;
        using (timer.Measure(TurnPhase.Model))
        {
            reading = await assistant.ReadAsync(text, conversation.Language, cancellationToken);
        }

        var intent = reading.Intent;
        if (conversation.AwaitingDetailsConsent)
        {
            conversation.AwaitingDetailsConsent = false;
            if (intent == VisitorIntent.Yes)
            {
                return StartLeadCapture(conversation, settings, replies);
            }

            if (intent == VisitorIntent.No)
            {
                replies.Add(new InfoReply(InfoKind.Declined));
                return new TurnOutcome(replies, null, HumanRequested: false);
            }
        }

        if (intent == VisitorIntent.ChangeInstructions)
        {
            replies.Add(new InfoReply(InfoKind.Refusal));
            return new TurnOutcome(replies, null, HumanRequested: false);
        }

        if (intent is VisitorIntent.Human or VisitorIntent.LeaveDetails && conversation.LeadId is null)
        {
            replies.Add(intent == VisitorIntent.Human ? new HandOffReply() : new InfoReply(InfoKind.StartDetails));
            Prefill(conversation, settings, reading.Details);
            var outcome = StartLeadCapture(conversation, settings, replies);
            return intent == VisitorIntent.Human ? outcome with { HumanRequested = true, Hints = outcome.Hints with { Transfer = true } } : outcome;
        }

        if (intent == VisitorIntent.Human)
        {
            replies.Add(new HandOffReply());
            return new TurnOutcome(replies, null, HumanRequested: true) { Hints = TurnHints.None with { Transfer = true } };
        }

        if (intent == VisitorIntent.Greeting)
        {
            replies.Add(new InfoReply(InfoKind.Welcome));
            return new TurnOutcome(replies, null, HumanRequested: false);
        }

        await AnswerFromKnowledgeAsync(conversation, text, settings, replies, cancellationToken);
        return new TurnOutcome(replies, null, HumanRequested: false);
    }

    private async Task<bool> DetectEmergencyAsync(Conversation conversation, string text, TurnSettings settings, CancellationToken cancellationToken)
    {
        EmergencyAssessment assessment;
        using (timer.Measure(TurnPhase.Retrieval))
        {
            assessment = await emergencies.DetectAsync(text, conversation.Language, settings.EmergencyWords, cancellationToken);
        }

        if (EmergencyConfirmation.IsNeeded(assessment, conversation.Priority))
        {
            using (timer.Measure(TurnPhase.Model))
            {
                assessment = EmergencyConfirmation.Combine(assessment, await assistant.JudgeEmergencyAsync(text, settings.Profile.Type, cancellationToken));
            }
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

    private async Task AnswerFromKnowledgeAsync(
        Conversation conversation, string text, TurnSettings settings, List<AgentReply> replies, CancellationToken cancellationToken)
    {
        KnowledgeSearchResult result;
        using (timer.Measure(TurnPhase.Retrieval))
        {
            result = await knowledge.SearchAsync(text, top: 3, cancellationToken);
        }

        var answer = AssistantAnswer.NotInPassages;
        if (result.Found)
        {
            using (timer.Measure(TurnPhase.Model))
            {
                answer = await assistant.AnswerAsync(text, result.Passages, conversation.Language, settings.Agent.Persona, cancellationToken);
            }
        }
        if (answer.Kind == AssistantAnswerKind.Blocked)
        {
            replies.Add(new InfoReply(InfoKind.Refusal));
            return;
        }

        if (answer.Kind == AssistantAnswerKind.NotInPassages)
        {
            var offersDetails = conversation.LeadId is null;
            conversation.AwaitingDetailsConsent = offersDetails;
            replies.Add(new NotFoundReply(offersDetails, result.Suggestions));
            return;
        }

        var citations = answer.Sources.Select(p => new MessageCitation(p.SourceId, p.SourceTitle, p.Citation, p.Link)).ToList();
        replies.Add(new AnswerReply(answer.Text, citations, result.Passages.Max(p => p.VectorSimilarity)));
        replies.Add(new InfoReply(InfoKind.AnythingElse));
    }

    private static TurnOutcome StartLeadCapture(Conversation conversation, TurnSettings settings, List<AgentReply> replies)
    {
        conversation.State = ConversationState.LeadCapture;
        conversation.AwaitingDetailsConsent = false;
        return AskNext(conversation, settings, replies);
    }

    private TurnOutcome Answer(Conversation conversation, string text, TurnSettings settings, List<AgentReply> replies)
    {
        var question = settings.Questions.FirstOrDefault(q => q.Id == conversation.CurrentQuestionId);
        if (question is null)
        {
            return AskNext(conversation, settings, replies);
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
                replies.Add(Ask(question, invalid.Hint));
                return new TurnOutcome(replies, null, HumanRequested: false);
            default:
                // Asked twice: keep what was said rather than loop, so the flow always finishes.
                Record(conversation, question, question.IsRequired ? text.Trim() : null);
                break;
        }

        return AskNext(conversation, settings, replies);
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

    private static TurnOutcome AskNext(Conversation conversation, TurnSettings settings, List<AgentReply> replies)
    {
        var next = Plan(conversation, settings).FirstOrDefault(q => conversation.Answers.TrueForAll(a => a.QuestionId != q.Id));
        if (next is not null)
        {
            conversation.CurrentQuestionId = next.Id;
            conversation.Reasked = false;
            replies.Add(Ask(next, null));
            return new TurnOutcome(replies, null, HumanRequested: false);
        }

        conversation.State = ConversationState.Completed;
        conversation.CurrentQuestionId = null;
        var lead = LeadFactory.Create(conversation, settings);
        conversation.LeadId = lead.Id;
        replies.Add(Thanks(conversation, settings));
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

    private static QuestionReply Ask(LeadQuestion question, string? hint) =>
        new(question.Id, question.Text, question.Format, [.. question.Options], CanSkip: !question.IsRequired, hint);

    private static ThanksReply Thanks(Conversation conversation, TurnSettings settings)
    {
        var open = BusinessClock.IsOpen(settings.Profile, settings.Now);
        var completion = conversation.Channel == ConversationChannel.Voice ? settings.Agent.VoiceCompletionMessage : settings.Agent.ChatCompletionMessage;
        return new ThanksReply(
            conversation.IsEmergency, open, open ? null : BusinessClock.NextOpening(settings.Profile, settings.Now), OwnersWords(conversation, settings, completion));
    }

    /// <summary>
    /// The owner's own sentence, in the language the owner writes in: a visitor in another language gets the agent's
    /// built-in words in theirs (as with the welcome).
    /// </summary>
    private static string? OwnersWords(Conversation conversation, TurnSettings settings, string? words) =>
        !string.IsNullOrWhiteSpace(words) && string.Equals(conversation.Language, settings.Agent.Language, StringComparison.OrdinalIgnoreCase) ? words : null;

    private static string? Phone(TurnSettings settings) => string.IsNullOrWhiteSpace(settings.Profile.Phone) ? null : settings.Profile.Phone;

    private static LeadAnswerContext Context(Conversation conversation, TurnSettings settings) =>
        new(conversation.Language, settings.Profile.Country, settings.Profile.TimeZone);
}
