namespace SmbAgent.Conversations.Voice;

/// <summary>Twilio's incoming-call webhook, as far as the call needs it (the signature filter has checked it came from Twilio).</summary>
/// <param name="From">The caller's number (E.164), or Twilio's <c>anonymous</c>.</param>
/// <param name="To">The business's number that was called: the tenant was resolved from it.</param>
public sealed record IncomingCallDto(string CallSid, string From, string To);

/// <summary>A gather's result: what the caller said or pressed for turn <paramref name="Turn"/>.</summary>
/// <param name="Silences">0 for Twilio's gather action; for the redirect after a gather that heard nothing, how many did in a row.</param>
/// <param name="QuestionId">The lead question the gather asked (named in its action), when one was.</param>
public sealed record CallGatherDto(string CallSid, string From, string To, int Turn, int Silences, string? SpeechResult, string? Digits, Guid? QuestionId = null);

/// <summary>How a <c>&lt;Dial&gt;</c> to the line's forwarding number ended (Twilio's <c>DialCallStatus</c>).</summary>
public sealed record DialEndedDto(string CallSid, string To, string? DialCallStatus);

/// <summary>Twilio sent back, after a filler, to wait for turn <paramref name="Turn"/>'s answer.</summary>
/// <param name="Wait">How many waits this is, from 1.</param>
/// <param name="QuestionId">The lead question the turn answered, asked again if its answer is lost.</param>
public sealed record CallWaitDto(string CallSid, string To, int Turn, int Wait, Guid? QuestionId);
