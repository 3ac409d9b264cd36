using Microsoft.EntityFrameworkCore;
using SmbAgent.Conversations.Replies;
using SmbAgent.Conversations.State;
using SmbAgent.Conversations.Turns;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.KnowledgeBase;
using SmbAgent.Leads;
using SmbAgent.Privacy;
using SmbAgent.Tenancy;
using SmbAgent.Voice;
using SmbAgent.Voice.Calls;
using SmbAgent.Voice.Speech;
using SmbAgent.Workspace;
using Twilio.TwiML;
using static SmbAgent.Conversations.Voice.CallResponses;

namespace SmbAgent.Conversations.Voice;

/// <summary>
/// A phone call to the current tenant's line (the tenant resolved from the called number): the voice channel's adapter
/// over <see cref="ConversationTurnService"/>, as the chat's is. The call's SID names its conversation; each gather's
/// result is one turn, keyed by the SID and the turn's number, so a webhook Twilio retries is answered the same
/// without running the turn again. Every answer is TwiML.
/// </summary>
public sealed class VoiceCallAppService(
    ISmbAgentDbContext db,
    ICurrentTenant currentTenant,
    ConversationStateCache states,
    WorkspaceSettingsCache workspace,
    IFeatureChecker features,
    ConversationTurnService turns,
    CallLogManager callLogs,
    CallResponses responses,
    CallTurnBudget budget,
    TurnTimer timer,
    TimeProvider clock)
{
    /// <summary>Gathers in a row that may hear nothing: the first is asked again, then the call says goodbye.</summary>
    public const int MaxSilences = 2;

    /// <summary>
    /// The call starts: a business without the voice agent, or whose line is off, gets a polite message and the
    /// owner's phone (or voicemail); otherwise the agent greets the caller and listens.
    /// </summary>
    public async Task<VoiceResponse> IncomingAsync(IncomingCallDto input, CancellationToken cancellationToken = default)
    {
        var tenantId = TenantId();
        var line = await LineAsync(input.To, cancellationToken);
        var (profile, agent, _, _) = await workspace.GetAsync(cancellationToken);
        var language = SpokenPrompts.LanguageOf(agent);
        var voice = await VoiceAsync(tenantId, line, language, profile, cancellationToken);
        if (line is not { IsActive: true } || !await features.IsEnabledAsync(SmbFeatures.Voice.Agent, cancellationToken))
        {
            await callLogs.StartInboundAsync(input.CallSid, input.From, input.To, cancellationToken);
            return await responses.PutThroughAsync(voice, [Fixed(CallTexts.For(language).NotServing)], cancellationToken);
        }

        // Said as separate sentences, so the disclosure and the welcome are the very ones synthesised ahead
        // (SpokenPrompts) even after hours. The disclosure comes first: the caller hears it before saying anything.
        var disclosure = Disclosures.Of(agent);
        var welcome = SpokenPrompts.Greeting(agent);
        var afterHours = IsClosed(profile) ? CallTexts.For(language).AfterHours : null;
        var greeting = string.Join(" ", new[] { disclosure, welcome, afterHours }.Where(s => s is not null));
        await StartConversationAsync(tenantId, input, language, greeting, cancellationToken);
        return await responses.ListenAsync(
            voice, [Fixed(disclosure ?? string.Empty), Fixed(welcome), Fixed(afterHours ?? string.Empty)], Expecting(null, turn: 1, language), cancellationToken);
    }

    /// <summary>
    /// A gather's result: the caller's words (or keys) as one turn (<see cref="AnswerAsync(CallGatherDto, string, CancellationToken)"/>).
    /// A gather that heard nothing is asked again once. With a remote model the turn has a time budget: past it the
    /// caller hears a filler and Twilio is sent to wait for the answer (<see cref="CallTurnBudget"/>).
    /// </summary>
    /// <returns>TwiML as text: an answer may be one another instance wrote, which the SDK can't read back.</returns>
    public async Task<string> GatherAsync(CallGatherDto input, CancellationToken cancellationToken = default)
    {
        var tenantId = TenantId();
        var key = ConversationKey.ForCall(input.CallSid);
        var line = await LineAsync(input.To, cancellationToken);
        var (profile, agent, questions, _) = await workspace.GetAsync(cancellationToken);
        if (await states.FindAsync(key, cancellationToken) is not { } hot)
        {
            var unknown = await VoiceAsync(tenantId, line, SpokenPrompts.LanguageOf(agent), profile, cancellationToken);
            return (await responses.HangUpAsync(unknown, [Fixed(CallTexts.For(unknown.Language).Trouble)], cancellationToken)).ToString();
        }

        var conversation = hot.Conversation;
        var voice = await VoiceAsync(tenantId, line, conversation.Language, profile, cancellationToken);
        var texts = CallTexts.For(conversation.Language);
        // The question the gather itself asked, not this instance's copy of the conversation, which may be behind.
        var current = input.QuestionId is { } asked ? questions.FirstOrDefault(q => q.Id == asked) : null;
        var heard = CallInput.Read(input, current, conversation.Visitor);
        if (heard is null)
        {
            var silences = Math.Max(input.Silences, 1);
            if (silences >= MaxSilences)
            {
                return (await responses.HangUpAsync(voice, [], cancellationToken)).ToString();
            }

            var again = Asked(current);
            return (await responses.ListenAsync(voice, AskAgain([Fixed(texts.Reprompt)], again, conversation), Expecting(again, input.Turn, conversation.Language) with { Silences = silences }, cancellationToken)).ToString();
        }

        if (!budget.Applies)
        {
            return (await AnswerAsync(input, heard, key, voice, conversation, cancellationToken)).ToString();
        }

        if (await budget.AnswerWithinAsync(tenantId, input, heard, cancellationToken) is { } answered)
        {
            return answered;
        }

        return (await responses.HoldAsync(voice, [Fixed(texts.Wait)], new Holding(input.Turn, Wait: 1, input.QuestionId), cancellationToken)).ToString();
    }

    /// <summary>
    /// After a filler: the turn's answer once any instance has written it; another filler while it runs, up to
    /// <see cref="CallTurnBudgetOptions.MaxWaits"/>; then, or when the turn failed, an apology and the same question again.
    /// </summary>
    public async Task<string> WaitAsync(CallWaitDto input, CancellationToken cancellationToken = default)
    {
        var tenantId = TenantId();
        var result = await budget.WaitAsync(tenantId, input.CallSid, input.Turn, cancellationToken);
        if (result.Twiml is { } answered)
        {
            return answered;
        }

        var line = await LineAsync(input.To, cancellationToken);
        var (profile, agent, questions, _) = await workspace.GetAsync(cancellationToken);
        var conversation = (await states.FindAsync(ConversationKey.ForCall(input.CallSid), cancellationToken))?.Conversation;
        var language = conversation?.Language ?? SpokenPrompts.LanguageOf(agent);
        var voice = await VoiceAsync(tenantId, line, language, profile, cancellationToken);
        var texts = CallTexts.For(language);
        if (!result.HasFailed && input.Wait < budget.MaxWaits)
        {
            return (await responses.HoldAsync(voice, [Fixed(texts.Wait)], new Holding(input.Turn, input.Wait + 1, input.QuestionId), cancellationToken)).ToString();
        }

        // Lost or failed: the caller is asked again, as a new turn, so a late answer to the old one can't be said twice.
        var again = Asked(input.QuestionId is { } asked ? questions.FirstOrDefault(q => q.Id == asked) : null);
        return (await responses.ListenAsync(voice, AskAgain([Fixed(texts.Trouble), Fixed(texts.Reprompt)], again, conversation), Expecting(again, input.Turn + 1, language), cancellationToken)).ToString();
    }

    /// <summary>
    /// The caller's words as the call's turn, answered: its replies said, then the next gather, a transfer, a voicemail
    /// or goodbye, as the turn's hints say. Run by the webhook itself, or in its own scope under <see cref="CallTurnBudget"/>.
    /// </summary>
    internal async Task<VoiceResponse> AnswerAsync(CallGatherDto input, string heard, CancellationToken cancellationToken)
    {
        var key = ConversationKey.ForCall(input.CallSid);
        var line = await LineAsync(input.To, cancellationToken);
        var (profile, _, _, _) = await workspace.GetAsync(cancellationToken);
        var conversation = (await states.FindAsync(key, cancellationToken) ?? throw new EntityNotFoundException(nameof(Conversation), "call")).Conversation;
        var voice = await VoiceAsync(TenantId(), line, conversation.Language, profile, cancellationToken);
        return await AnswerAsync(input, heard, key, voice, conversation, cancellationToken);
    }

    private async Task<VoiceResponse> AnswerAsync(
        CallGatherDto input, string heard, ConversationKey key, CallVoice voice, Conversation conversation, CancellationToken cancellationToken)
    {
        TurnResult turn;
        try
        {
            turn = await turns.RunAsync(new TurnRequest(key, heard, $"{input.CallSid}:{input.Turn}"), cancellationToken);
        }
        catch (BusinessException e) when (e.Code == "Chat:ConversationFull")
        {
            return await responses.HangUpAsync(voice, [Fixed(e.Message)], cancellationToken);
        }

        var response = await RespondAsync(input, key, voice, conversation, turn, cancellationToken);
        if (timer.Milliseconds(TurnPhase.Speech) is { } speech)
        {
            var sequence = turn.Message.Sequence;
            await db.ConversationMessages
                .Where(m => m.ConversationId == conversation.Id && m.Sequence == sequence)
                .ExecuteUpdateAsync(m => m.SetProperty(x => x.SpeechMilliseconds, speech), cancellationToken);
        }

        return response;
    }

    /// <summary>The turn's replies said, then what its hints ask for next.</summary>
    private async Task<VoiceResponse> RespondAsync(
        CallGatherDto input, ConversationKey key, CallVoice voice, Conversation conversation, TurnResult turn, CancellationToken cancellationToken)
    {
        var hints = turn.Hints;
        var spoken = turn.Replies.Select(r => new Spoken(r.Text, hints.MaySpeakSsml)).ToList();
        if (hints.EndsConversation)
        {
            return await responses.HangUpAsync(voice, spoken, cancellationToken);
        }

        if (hints.Transfer)
        {
            // The lead questions the engine starts with a hand-off are for the chat; a caller is put through instead.
            var beforeTransfer = turn.Replies.Where(r => r.Reply is not QuestionReply).Select(r => new Spoken(r.Text, hints.MaySpeakSsml)).ToList();
            return await responses.PutThroughAsync(voice, beforeTransfer, cancellationToken);
        }

        if (hints.Voicemail)
        {
            return await responses.VoicemailAsync(voice, spoken, cancellationToken);
        }

        var last = turn.Replies.Count > 0 ? turn.Replies[^1].Reply : null;
        if (last is ThanksReply)
        {
            await LinkLeadAsync(key, input.CallSid, cancellationToken);
            return await responses.HangUpAsync(voice, spoken, cancellationToken);
        }

        var question = last as QuestionReply;
        spoken.AddRange(Extras(question, conversation));
        return await responses.ListenAsync(voice, spoken, Expecting(question, input.Turn + 1, conversation.Language), cancellationToken);
    }

    /// <summary>A transfer ended: answered, the call is over; not answered, the caller may leave a message.</summary>
    public async Task<VoiceResponse> DialEndedAsync(DialEndedDto input, CancellationToken cancellationToken = default)
    {
        if (input.DialCallStatus is "completed" or "answered")
        {
            var done = new VoiceResponse();
            done.Hangup();
            return done;
        }

        var tenantId = TenantId();
        var line = await LineAsync(input.To, cancellationToken);
        var (profile, agent, _, _) = await workspace.GetAsync(cancellationToken);
        var language = (await states.FindAsync(ConversationKey.ForCall(input.CallSid), cancellationToken))?.Conversation.Language ?? SpokenPrompts.LanguageOf(agent);
        var voice = await VoiceAsync(tenantId, line, language, profile, cancellationToken) with { ForwardTo = null };
        var texts = CallTexts.For(language);
        return await responses.VoicemailAsync(voice, [Fixed(texts.NoAnswer), Fixed(texts.LeaveMessage)], cancellationToken);
    }

    private static QuestionReply? Asked(LeadQuestion? question) =>
        question is null ? null : new QuestionReply(question.Id, question.Text, question.Format, question.Options, !question.IsRequired, null);

    /// <summary>An opening (sorry, didn't catch that), then the question the gather had asked, with what it needs said on the phone.</summary>
    private static List<Spoken> AskAgain(List<Spoken> opening, QuestionReply? question, Conversation? conversation)
    {
        if (question is not null)
        {
            opening.Add(Fixed(question.Text));
            if (conversation is not null)
            {
                opening.AddRange(Extras(question, conversation));
            }
        }

        return opening;
    }

    /// <summary>
    /// What a question needs said on the phone beyond its text: a choice's keys, or the number the caller is calling
    /// from (Twilio's, never a number the caller said) offered as the answer.
    /// </summary>
    private static IEnumerable<Spoken> Extras(QuestionReply? question, Conversation conversation)
    {
        if (question is null)
        {
            yield break;
        }

        var texts = CallTexts.For(conversation.Language);
        if (question.Format == LeadQuestionFormat.Choice && CallInput.KeypadChoices(question.Choices))
        {
            yield return Fixed(texts.ChoicesOf(question.Choices, AgentTexts.For(conversation.Language, ConversationChannel.Voice).Or));
        }
        else if (question.Format == LeadQuestionFormat.Phone && CallInput.CallerNumber(conversation.Visitor) is { } caller)
        {
            yield return Fixed(texts.CallerNumberOf(caller));
        }
    }

    /// <summary>The next gather: one key for a choice, and the words the recogniser should expect for the question asked.</summary>
    private static Listening Expecting(QuestionReply? question, int turn, string language)
    {
        List<string> hints = [.. CallTexts.For(language).YesNo.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
        var singleDigit = false;
        if (question?.Format == LeadQuestionFormat.Choice)
        {
            hints.InsertRange(0, question.Choices);
            singleDigit = CallInput.KeypadChoices(question.Choices);
        }
        else if (question?.Format == LeadQuestionFormat.Phone)
        {
            hints.Insert(0, "$OOV_CLASS_DIGIT_SEQUENCE");
        }

        return new Listening(turn, hints, singleDigit, question?.QuestionId);
    }

    private async Task StartConversationAsync(Guid tenantId, IncomingCallDto input, string language, string greeting, CancellationToken cancellationToken)
    {
        var key = ConversationKey.ForCall(input.CallSid);
        if (await states.FindAsync(key, cancellationToken) is not null)
        {
            return;
        }

        var now = Now();
        var conversation = new Conversation(Guid.CreateVersion7(), tenantId, ConversationChannel.Voice, key.Hash, language)
        {
            Visitor = input.From.Length <= ConversationConsts.MaxVisitorLength ? input.From : null,
            CreationTime = now,
            LastActivityTime = now,
            MessageCount = 1,
        };
        db.Conversations.Add(conversation);
        db.ConversationMessages.Add(new ConversationMessage(Guid.CreateVersion7(), tenantId, conversation.Id, 1, MessageRole.Agent, greeting) { CreationTime = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DuplicateEntryException)
        {
            // Twilio retried the webhook while the first one was still saving: that one's conversation is the call's.
            db.ChangeTracker.Clear();
            return;
        }

        await states.AddAsync(ConversationHotState.New(conversation), cancellationToken);
        var log = await callLogs.StartInboundAsync(input.CallSid, input.From, input.To, cancellationToken);
        log.ConversationId ??= conversation.Id;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The call's record points at the lead the call produced.</summary>
    private async Task LinkLeadAsync(ConversationKey key, string callSid, CancellationToken cancellationToken)
    {
        if ((await states.FindAsync(key, cancellationToken))?.Conversation.LeadId is { } leadId)
        {
            await db.CallLogs.Where(c => c.CallSid == callSid && c.LeadId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LeadId, leadId), cancellationToken);
        }
    }

    private async Task<PhoneLine?> LineAsync(string number, CancellationToken cancellationToken) =>
        await db.PhoneLines.AsNoTracking().FirstOrDefaultAsync(l => l.Number == number, cancellationToken);

    private async Task<CallVoice> VoiceAsync(Guid tenantId, PhoneLine? line, string language, BusinessProfile? profile, CancellationToken cancellationToken)
    {
        var premium = line?.PremiumVoice is { } chosen && await features.IsEnabledAsync(SmbFeatures.Voice.PremiumVoices, cancellationToken) ? chosen : null;
        return new CallVoice(
            tenantId,
            language,
            SpeechLanguages.For(language, profile?.Country),
            line?.SayVoice ?? VoiceConsts.DefaultSayVoice,
            premium,
            string.IsNullOrWhiteSpace(line?.ForwardTo) ? null : line.ForwardTo);
    }

    private bool IsClosed(BusinessProfile? profile) =>
        profile is not null && profile.Hours.Exists(h => h.IsOpen) && !BusinessClock.IsOpen(profile, clock.GetUtcNow());

    private Guid TenantId() => currentTenant.Id ?? throw new BusinessException("Tenancy:NoTenant", "A call belongs to a business.", 403);

    /// <summary>To PostgreSQL's microsecond precision, as the turn's own times are.</summary>
    private DateTimeOffset Now()
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
