using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmbAgent.Caching;
using SmbAgent.Conversations.Assistant;
using SmbAgent.Tenancy;
using Twilio.TwiML;

namespace SmbAgent.Conversations.Voice;

/// <summary>
/// Keeps a slow model from hanging up a call. The turn runs in its own scope, apart from the webhook that started it;
/// done within <see cref="CallTurnBudgetOptions.AnswerWithin"/>, its TwiML is the webhook's answer, else the caller
/// hears a filler and Twilio is sent to the wait webhook. Either way the answer is written to the distributed cache
/// (Redis), keyed by the tenant, the call and the turn, so whichever instance Twilio's next request reaches finds it.
/// </summary>
public sealed partial class CallTurnBudget(
    IConversationAssistant assistant,
    IServiceScopeFactory scopes,
    IDistributedCache cache,
    IOptions<CallTurnBudgetOptions> options,
    TimeProvider clock,
    ILogger<CallTurnBudget> logger)
{
    private const string CacheName = "call-turn";

    /// <summary>Stored for a turn that failed, so its waits apologise at once instead of waiting out their budget.</summary>
    private const string Failed = "";

    /// <summary>
    /// Only a remote model can make a turn slow: with the local rules every turn is answered by its own webhook, in
    /// milliseconds, without a second scope.
    /// </summary>
    public bool Applies => assistant.CallsRemoteModel;

    /// <inheritdoc cref="CallTurnBudgetOptions.MaxWaits"/>
    public int MaxWaits => options.Value.MaxWaits;

    /// <summary>The turn's TwiML when it is done within the budget (or was already, for a retried gather); else null.</summary>
    public async Task<string?> AnswerWithinAsync(Guid tenantId, CallGatherDto input, string heard, CancellationToken cancellationToken)
    {
        if (await FindAsync(tenantId, input.CallSid, input.Turn, cancellationToken) is { Length: > 0 } answered)
        {
            return answered;
        }

        // Not the request's token: a turn past the budget goes on after its webhook has answered.
        var turn = Task.Run(() => AnswerInOwnScopeAsync(tenantId, input, heard), CancellationToken.None);
        try
        {
            return await turn.WaitAsync(options.Value.AnswerWithin, clock, cancellationToken);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    /// <summary>
    /// Holds up to <see cref="CallTurnBudgetOptions.WaitPerRequest"/> for the turn's answer, written by this instance
    /// or another: its TwiML, <see cref="CallTurnResult.Failed"/>, or <see cref="CallTurnResult.Pending"/> when it isn't
    /// done yet.
    /// </summary>
    public async Task<CallTurnResult> WaitAsync(Guid tenantId, string callSid, int turn, CancellationToken cancellationToken)
    {
        var until = clock.GetUtcNow() + options.Value.WaitPerRequest;
        while (true)
        {
            if (await FindAsync(tenantId, callSid, turn, cancellationToken) is { } stored)
            {
                return stored.Length > 0 ? CallTurnResult.Answered(stored) : CallTurnResult.Failed;
            }

            if (clock.GetUtcNow() >= until)
            {
                return CallTurnResult.Pending;
            }

            await Task.Delay(options.Value.PollInterval, clock, cancellationToken);
        }
    }

    private async Task<string> AnswerInOwnScopeAsync(Guid tenantId, CallGatherDto input, string heard)
    {
        await using var scope = scopes.CreateAsyncScope();
        using var tenant = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId);
        string twiml;
        try
        {
            VoiceResponse answer = await scope.ServiceProvider.GetRequiredService<VoiceCallAppService>().AnswerAsync(input, heard, CancellationToken.None);
            twiml = answer.ToString();
        }
        catch (Exception e)
        {
            LogTurnFailed(logger, e, input.Turn);
            await StoreAsync(tenantId, input.CallSid, input.Turn, Failed);
            throw;
        }

        await StoreAsync(tenantId, input.CallSid, input.Turn, twiml);
        return twiml;
    }

    private async Task<string?> FindAsync(Guid tenantId, string callSid, int turn, CancellationToken cancellationToken) =>
        await cache.GetStringAsync(Key(tenantId, callSid, turn), cancellationToken);

    private async Task StoreAsync(Guid tenantId, string callSid, int turn, string twiml) =>
        await cache.SetStringAsync(
            Key(tenantId, callSid, turn), twiml, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = options.Value.ResultLifetime }, CancellationToken.None);

    private static string Key(Guid tenantId, string callSid, int turn) => TenantCacheKey.For(tenantId, CacheName, $"{callSid}:{turn}");

    [LoggerMessage(Level = LogLevel.Error, Message = "A call's turn {Turn} failed; its waits will apologise and listen again")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, int turn);
}

/// <summary>What a wait found: the turn's TwiML, a turn that failed, or one still running.</summary>
public sealed record CallTurnResult(string? Twiml, bool HasFailed)
{
    public static readonly CallTurnResult Failed = new(null, true);

    public static readonly CallTurnResult Pending = new(null, false);

    public static CallTurnResult Answered(string twiml) => new(twiml, false);
}
