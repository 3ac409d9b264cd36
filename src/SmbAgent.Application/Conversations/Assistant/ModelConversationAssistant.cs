using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using SmbAgent.Conversations.Emergencies;
using SmbAgent.KnowledgeBase.Search;
using SmbAgent.Workspace;

namespace SmbAgent.Conversations.Assistant;

/// <summary>
/// The language model behind <see cref="IChatClient"/>. Each call has its own time budget; on a timeout, an error
/// or output that doesn't fit the schema the local provider answers instead (for an emergency, the deterministic
/// check's verdict stands), so a turn never waits on the model longer than the budget and never fails because of it.
/// No tools are offered: the model only returns text.
/// </summary>
public sealed partial class ModelConversationAssistant(
    IChatClient chat,
    AssistantPrompts prompts,
    IOptions<AssistantOptions> options,
    ILogger<ModelConversationAssistant> logger) : IConversationAssistant
{
    private const int MaxOutputTokens = 600;

    public bool CallsRemoteModel => true;

    /// <summary>
    /// A model that keeps failing or timing out is left alone for a while: otherwise every turn would wait out each
    /// call's budget (three calls a turn at worst) before the local rules answer anyway.
    /// </summary>
    private readonly ResiliencePipeline _circuit = new ResiliencePipelineBuilder()
        .AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            FailureRatio = 0.5,
            MinimumThroughput = 6,
            SamplingDuration = TimeSpan.FromMinutes(1),
            BreakDuration = options.Value.CircuitBreakDuration,
            ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
        })
        .Build();

    public async Task<VisitorReading> ReadAsync(string text, string language, CancellationToken cancellationToken)
    {
        var local = VisitorReading.Of(LocalConversationAssistant.Classify(text));

        // The rules take these only on an exact short reply or a known attempt, where they are certain; the model is
        // asked about everything else, whose meaning phrase lists miss.
        if (local.Intent is VisitorIntent.ChangeInstructions or VisitorIntent.Yes or VisitorIntent.No or VisitorIntent.Greeting)
        {
            return local;
        }

        var user = new JsonObject { ["visitor_message"] = text };
        var output = await CompleteAsync(prompts.Classification, user, AssistantSchemas.Intent, options.Value.Timeout, cancellationToken);
        if (output is null)
        {
            return local;
        }

        if (prompts.Leaks(output))
        {
            LogBlocked(logger, "intent");
            return local;
        }

        if (VisitorReadingReader.Read(output, text) is { } reading)
        {
            return reading;
        }

        LogInvalid(logger, "intent");
        return local;
    }

    public async Task<AssistantAnswer> AnswerAsync(
        string question, IReadOnlyList<KnowledgePassage> passages, string language, string? persona, CancellationToken cancellationToken)
    {
        var offered = new JsonArray();
        for (var index = 0; index < passages.Count; index++)
        {
            offered.Add(new JsonObject { ["number"] = index + 1, ["title"] = passages[index].Citation, ["text"] = passages[index].Text });
        }

        var user = new JsonObject { ["passages"] = offered, ["visitor_question"] = question };
        var output = await CompleteAsync(prompts.Answer(language, persona), user, AssistantSchemas.GroundedAnswer, options.Value.Timeout, cancellationToken);
        if (output is null)
        {
            return LocalConversationAssistant.Answer(passages);
        }

        if (prompts.Leaks(output))
        {
            LogBlocked(logger, "answer");
            return AssistantAnswer.Blocked;
        }

        if (GroundedAnswers.Read(output, passages, options.Value.MaxAnswerLength) is { } answer)
        {
            return answer;
        }

        LogInvalid(logger, "answer");
        return LocalConversationAssistant.Answer(passages);
    }

    public async Task<EmergencyOpinion?> JudgeEmergencyAsync(string text, BusinessType business, CancellationToken cancellationToken)
    {
        var user = new JsonObject { ["visitor_message"] = text };
        var output = await CompleteAsync(prompts.Emergency(business), user, AssistantSchemas.Emergency, options.Value.EmergencyTimeout, cancellationToken);
        if (output is null)
        {
            return null;
        }

        if (prompts.Leaks(output))
        {
            LogBlocked(logger, "emergency");
            return null;
        }

        if (EmergencyOpinionReader.Read(output) is { } opinion)
        {
            LogEmergencyOpinion(logger, opinion.Level, opinion.Reason);
            return opinion;
        }

        LogInvalid(logger, "emergency");
        return null;
    }

    /// <summary>The model's text, or null when it failed or ran out of time.</summary>
    /// <param name="timeout">The call's own budget: only this call is cut at it, never the turn's other work.</param>
    private async Task<string?> CompleteAsync(string system, JsonObject user, ChatResponseFormat format, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(timeout);
        ChatMessage[] messages =
        [
            new(ChatRole.System, system),
            // JSON-encoded, so nothing the visitor types can close the data and start something else.
            new(ChatRole.User, user.ToJsonString()),
        ];
        var chatOptions = new ChatOptions
        {
            ResponseFormat = format,
            Temperature = 0,
            MaxOutputTokens = MaxOutputTokens,
            AdditionalProperties = new() { ["strict"] = true },
        };
        try
        {
            var response = await _circuit.ExecuteAsync(
                async token =>
                {
                    try
                    {
                        return await chat.GetResponseAsync(messages, chatOptions, token);
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        // The budget ran out, not the visitor's patience: a failure the circuit counts.
                        throw new TimeoutException();
                    }
                },
                budget.Token);
            return response.Text;
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogTimedOut(logger, timeout.TotalSeconds);
            return null;
        }
        catch (BrokenCircuitException) when (!cancellationToken.IsCancellationRequested)
        {
            LogCircuitOpen(logger);
            return null;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Only the type: a provider's error text may quote the request, and the request holds the visitor's words.
            LogFailed(logger, e.GetType().Name);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "The language model failed repeatedly and is rested; the local rules decided")]
    private static partial void LogCircuitOpen(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The language model took longer than {Seconds} s; the local rules decided")]
    private static partial void LogTimedOut(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The language model failed ({Error}); the local rules decided")]
    private static partial void LogFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The language model's {Purpose} output did not fit its schema; the local rules decided")]
    private static partial void LogInvalid(ILogger logger, string purpose);

    [LoggerMessage(Level = LogLevel.Information, Message = "The language model judged a flagged turn {Level} ({Reason})")]
    private static partial void LogEmergencyOpinion(ILogger logger, LeadPriority level, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The language model's {Purpose} output showed its instructions and was blocked")]
    private static partial void LogBlocked(ILogger logger, string purpose);
}
