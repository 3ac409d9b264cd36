using System.Collections.Concurrent;

namespace SmbAgent.Health;

/// <summary>
/// The last success and failure of each paid provider as real traffic met them, for <c>/health</c>. Nothing here
/// calls a provider: the clients report what their own requests did.
/// </summary>
public sealed class ProviderActivity(TimeProvider clock)
{
    public const string OpenAI = "openAI";
    public const string Twilio = "twilio";
    public const string Smtp = "smtp";

    private readonly ConcurrentDictionary<string, ProviderActivityDto> _providers = new(StringComparer.Ordinal);

    public void RecordSuccess(string provider) =>
        _providers.AddOrUpdate(provider,
            _ => new ProviderActivityDto(clock.GetUtcNow(), null, null),
            (_, current) => current with { LastSuccessTime = clock.GetUtcNow() });

    /// <param name="error">What failed, in words safe for a log: a status code or an exception's type, never a body.</param>
    public void RecordFailure(string provider, string error) =>
        _providers.AddOrUpdate(provider,
            _ => new ProviderActivityDto(null, clock.GetUtcNow(), error),
            (_, current) => current with { LastFailureTime = clock.GetUtcNow(), LastError = error });

    public ProviderActivityDto Get(string provider) => _providers.GetValueOrDefault(provider) ?? new ProviderActivityDto(null, null, null);
}
