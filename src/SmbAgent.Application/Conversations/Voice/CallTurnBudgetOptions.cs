namespace SmbAgent.Conversations.Voice;

/// <summary>
/// How long a call waits on a turn that asks a remote model (section <c>Voice:TurnBudget</c>). Twilio hangs up on a
/// webhook that takes 15 s; these keep every answer well inside that, however slow the model.
/// </summary>
public sealed class CallTurnBudgetOptions
{
    public const string SectionName = "Voice:TurnBudget";

    /// <summary>A turn done by then is said at once; past it the caller hears a short filler while the turn goes on.</summary>
    public TimeSpan AnswerWithin { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one wait webhook holds for the turn's result before it answers another filler.</summary>
    public TimeSpan WaitPerRequest { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Waits after the first filler before the caller is asked again. With the model's own timeouts (at most three
    /// calls of 8 s, <c>Conversations:Assistant</c>) a turn is done long before: this only ends a turn that was lost.
    /// </summary>
    public int MaxWaits { get; set; } = 4;

    /// <summary>How often a wait looks for the result another instance may be writing.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a turn's answer is kept for the call's waits and for Twilio's retries of its gather.</summary>
    public TimeSpan ResultLifetime { get; set; } = TimeSpan.FromMinutes(10);
}
