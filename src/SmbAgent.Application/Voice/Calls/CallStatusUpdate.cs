namespace SmbAgent.Voice.Calls;

/// <summary>One status callback of a call to the business's number.</summary>
/// <param name="DurationSeconds">Twilio's <c>CallDuration</c>, sent with the final status.</param>
/// <param name="Timestamp">Twilio's <c>Timestamp</c>: when the status happened (the callback may come later).</param>
public sealed record CallStatusUpdate(string CallSid, string From, string To, string Status, int? DurationSeconds, DateTimeOffset? Timestamp);

public enum CallStatusOutcome
{
    Applied = 0,

    /// <summary>This status of this call was applied before: Twilio retried the callback.</summary>
    Repeat = 1,

    /// <summary>Not one of Twilio's statuses: nothing stored.</summary>
    Unknown = 2,
}
