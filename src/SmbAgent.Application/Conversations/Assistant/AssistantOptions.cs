namespace SmbAgent.Conversations.Assistant;

/// <summary>
/// The language model that helps the engine (section <c>Conversations:Assistant</c>). It uses OpenAI when a key is
/// configured — its own, or the one the embeddings use (<c>OpenAI:ApiKey</c> / <c>OPENAI_API_KEY</c>) — and the local
/// rules otherwise.
/// </summary>
public sealed class AssistantOptions
{
    public const string SectionName = "Conversations:Assistant";

    public const string DefaultModel = "gpt-4o-mini";

    public string Model { get; set; } = DefaultModel;

    /// <summary>Overrides the OpenAI key the embeddings use, e.g. to keep local embeddings with a hosted model.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Overrides <c>OpenAI:Endpoint</c> (base address including <c>/v1</c>); tests point it at a local stub.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Per model call, retries included: past it the turn is answered by the local rules.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>
    /// For the emergency confirmation, shorter: it runs before the turn's other work, on a caller's phone line too,
    /// and past it the deterministic verdict stands.
    /// </summary>
    public TimeSpan EmergencyTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// After half or more of at least six calls in a minute failed or timed out, the model is not asked for this long (the
    /// local rules answer at once), then one call tries it again.
    /// </summary>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A worded answer longer than this is treated as invalid output (the local answer is used).</summary>
    public int MaxAnswerLength { get; set; } = 1200;
}
