using SmbAgent.Data;
using SmbAgent.Tenancy;

namespace SmbAgent.Voice;

/// <summary>
/// Synthesised speech, kept where every instance reads it: the same text in the same voice and model is synthesised
/// once. Played to callers from an expiring signed URL, never from a path.
/// </summary>
public sealed class SpeechAudio : IMultiTenant, IHasCreationTime
{
    private SpeechAudio()
    {
        Hash = string.Empty;
        Voice = string.Empty;
        Model = string.Empty;
        ContentType = string.Empty;
        Content = [];
    }

    public SpeechAudio(Guid id, Guid tenantId, string hash, string voice, string model, string contentType, byte[] content)
    {
        Id = id;
        TenantId = tenantId;
        Hash = hash;
        Voice = voice;
        Model = model;
        ContentType = contentType;
        Content = content;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    Guid? IMultiTenant.TenantId => TenantId;

    /// <summary>SHA-256 (hex) of text, voice and model.</summary>
    public string Hash { get; private set; }

    public string Voice { get; private set; }

    public string Model { get; private set; }

    public string ContentType { get; private set; }

    public byte[] Content { get; private set; }

    public DateTimeOffset CreationTime { get; set; }

    /// <summary>When it was last played or asked for: the cleanup job keeps what is still used.</summary>
    public DateTimeOffset LastUsedTime { get; set; }
}
