namespace SmbAgent.Twilio;

/// <summary>
/// "Test my setup": asks Twilio's REST API, with the business's own credentials, whether the number is on that account
/// and where its incoming calls are sent. Spends no paid call.
/// </summary>
public interface ITwilioAccountCheck
{
    Task<TwilioAccountCheckResult> CheckAsync(string accountSid, string authToken, string number, CancellationToken cancellationToken = default);
}

/// <param name="Problem">What the owner should fix, in plain words; null when the number is on the account.</param>
/// <param name="VoiceUrl">Where Twilio sends the number's calls now (compare with our incoming-call webhook).</param>
public sealed record TwilioAccountCheckResult(string? Problem, Uri? VoiceUrl)
{
    public bool Passed => Problem is null;
}
