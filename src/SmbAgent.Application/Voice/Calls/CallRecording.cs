namespace SmbAgent.Voice.Calls;

/// <summary>What Twilio posts about a call's recording: after <c>&lt;Record&gt;</c> ends, and again with its transcription.</summary>
public sealed record CallRecording(
    string CallSid,
    string From,
    string To,
    string? RecordingSid,
    Uri? RecordingUrl,
    int? RecordingDurationSeconds,
    string? TranscriptionText);
