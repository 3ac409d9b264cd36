namespace SmbAgent.Voice.Calls;

/// <summary>Twilio's call statuses, as its status callbacks write them.</summary>
public static class CallStatuses
{
    public const string Queued = "queued";
    public const string Initiated = "initiated";
    public const string Ringing = "ringing";
    public const string InProgress = "in-progress";
    public const string Completed = "completed";
    public const string Busy = "busy";
    public const string Failed = "failed";
    public const string NoAnswer = "no-answer";
    public const string Canceled = "canceled";

    /// <summary>In the order a call goes through them: the calls list filters by these.</summary>
    public static IReadOnlyList<string> All { get; } = [Queued, Initiated, Ringing, InProgress, Completed, Busy, NoAnswer, Failed, Canceled];

    private static readonly HashSet<string> Final = new(StringComparer.Ordinal) { Completed, Busy, Failed, NoAnswer, Canceled };

    private static readonly HashSet<string> Known = new(Final, StringComparer.Ordinal) { Queued, Initiated, Ringing, InProgress };

    /// <summary>The call is over: nothing after it changes the record.</summary>
    public static bool IsFinal(string status) => Final.Contains(status);

    public static bool IsKnown(string status) => Known.Contains(status);
}
