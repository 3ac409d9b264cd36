using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmbAgent.Tenancy;

namespace SmbAgent.Voice.Speech;

/// <summary>
/// Finds a sentence's audio in the cache or synthesises it. A caller waits at most its budget; the synthesis runs on
/// past it (within <see cref="SpeechOptions.Timeout"/>) and fills the cache for the next caller. Concurrent misses
/// for one sentence on this instance share one synthesis.
/// </summary>
public sealed partial class SpeechAudioCache(
    IServiceScopeFactory scopes,
    ICurrentTenant currentTenant,
    SpeechSynthesizer synthesizer,
    IOptions<SpeechOptions> options,
    TimeProvider clock,
    ILogger<SpeechAudioCache> logger)
{
    private readonly ConcurrentDictionary<(Guid TenantId, string Hash), Lazy<Task<bool>>> inFlight = new();

    /// <summary>
    /// The hash of the sentence's audio, cached or synthesised within <paramref name="budget"/> (null: as long as
    /// synthesis takes); null when it isn't ready in time or synthesis failed.
    /// </summary>
    public async Task<string?> GetAsync(Guid tenantId, string text, string voice, TimeSpan? budget, CancellationToken cancellationToken)
    {
        var hash = SpeechHashes.Of(text, voice, synthesizer.Model);
        if (await InTenantAsync(tenantId, store => store.TouchAsync(hash, cancellationToken)))
        {
            return hash;
        }

        var key = (tenantId, hash);
        var synthesis = inFlight.GetOrAdd(key, _ => new Lazy<Task<bool>>(() => SynthesizeAsync(key, text, voice)));
        try
        {
            var stored = budget is { } wait
                ? await synthesis.Value.WaitAsync(wait, clock, cancellationToken)
                : await synthesis.Value.WaitAsync(cancellationToken);
            return stored ? hash : null;
        }
        catch (TimeoutException)
        {
            LogOverBudget(logger, tenantId, voice, budget ?? TimeSpan.Zero);
            return null;
        }
    }

    private async Task<bool> SynthesizeAsync((Guid TenantId, string Hash) key, string text, string voice)
    {
        // Off the caller's path: its request may end (and its token cancel) before the synthesis does.
        await Task.Yield();
        try
        {
            using var timeout = new CancellationTokenSource(options.Value.Timeout, clock);
            var content = await synthesizer.SynthesizeAsync(text, voice, timeout.Token);
            await InTenantAsync(key.TenantId, async store =>
            {
                await store.AddAsync(key.TenantId, key.Hash, voice, synthesizer.Model, content, timeout.Token);
                return true;
            });
            return true;
        }
        catch (Exception e)
        {
            // Whatever went wrong, the caller hears <Say>; a call never fails for its voice.
            LogFailed(logger, key.TenantId, voice, e);
            return false;
        }
        finally
        {
            inFlight.TryRemove(key, out _);
        }
    }

    private async Task<T> InTenantAsync<T>(Guid tenantId, Func<SpeechAudioStore, Task<T>> action)
    {
        using (currentTenant.Change(tenantId))
        {
            await using var scope = scopes.CreateAsyncScope();
            return await action(scope.ServiceProvider.GetRequiredService<SpeechAudioStore>());
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Speech synthesis for tenant {TenantId} in voice {Voice} took longer than its budget of {Budget}; the caller hears <Say>")]
    private static partial void LogOverBudget(ILogger logger, Guid tenantId, string voice, TimeSpan budget);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Speech synthesis for tenant {TenantId} in voice {Voice} failed; the caller hears <Say>")]
    private static partial void LogFailed(ILogger logger, Guid tenantId, string voice, Exception exception);
}
