namespace SmbAgent.Voice.Speech;

/// <summary>Synthesise the current tenant's greeting and lead question prompts in each of its lines' premium voices.</summary>
public sealed record PrepareSpeechArgs;
