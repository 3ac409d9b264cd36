namespace SmbAgent.Voice.Calls;

/// <summary>Transcribe the current tenant's voicemail of call <paramref name="CallSid"/>, then make it the call's lead; <paramref name="Attempt"/> counts from 1.</summary>
public sealed record TranscribeVoicemailArgs(string CallSid, int Attempt = 1);
