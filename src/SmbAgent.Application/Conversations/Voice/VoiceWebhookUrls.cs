using System.Globalization;
using Microsoft.Extensions.Options;
using SmbAgent.PublicUrls;

namespace SmbAgent.Conversations.Voice;

/// <summary>
/// The absolute addresses a call's TwiML sends Twilio back to, under the configured public API address: Twilio signs
/// the URL it posts to, and the signature filter checks it against that same address, never the request's own.
/// </summary>
public sealed class VoiceWebhookUrls(IOptions<PublicUrlOptions> options)
{
    /// <param name="silence">How many gathers in a row heard nothing before this one: 0 for an answer.</param>
    /// <param name="question">The lead question the gather asked, so its answer is read for that question whichever
    /// instance's copy of the conversation takes it.</param>
    public Uri Gather(int turn, int silence = 0, Guid? question = null)
    {
        var query = $"turn={Number(turn)}";
        if (question is { } asked)
        {
            query += $"&question={asked:N}";
        }

        return To("gather", silence > 0 ? $"{query}&silence={Number(silence)}" : query);
    }

    /// <param name="wait">How many waits for the turn's answer this one is, from 1.</param>
    public Uri Wait(int turn, int wait, Guid? question = null)
    {
        var query = $"turn={Number(turn)}&wait={Number(wait)}";
        return To("wait", question is { } asked ? $"{query}&question={asked:N}" : query);
    }

    public Uri Recording() => To("recording");

    /// <summary>Where Twilio reports how a <c>&lt;Dial&gt;</c> to the line's forwarding number ended.</summary>
    public Uri DialEnded() => To("fallback", "dial=1");

    private Uri To(string endpoint, string? query = null) =>
        new($"{options.Value.Api.AbsoluteUri.TrimEnd('/')}/api/voice/{endpoint}{(query is null ? string.Empty : "?" + query)}");

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
