namespace SmbAgent.Voice.Speech;

/// <summary>Runs for the host (no tenant): it deletes every business's unused audio.</summary>
public sealed record CleanUpSpeechAudioArgs;
