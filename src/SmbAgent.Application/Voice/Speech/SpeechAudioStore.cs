using Microsoft.EntityFrameworkCore;
using SmbAgent.Data;

namespace SmbAgent.Voice.Speech;

/// <summary>The current tenant's synthesised sentences in the database, where every instance reads them.</summary>
public sealed class SpeechAudioStore(ISmbAgentDbContext db, TimeProvider clock)
{
    /// <summary>Marks the audio as used now; false when there is none for <paramref name="hash"/>.</summary>
    public async Task<bool> TouchAsync(string hash, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await db.SpeechAudio
            .Where(a => a.Hash == hash)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.LastUsedTime, now), cancellationToken) > 0;
    }

    /// <summary>
    /// Keeps the audio unless another instance or request stored the same sentence first: both synthesised the same
    /// bytes, so the first one stays and neither fails on the unique index.
    /// </summary>
    public async Task AddAsync(Guid tenantId, string hash, string voice, string model, byte[] content, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.Database.ExecuteSqlAsync(
            $"""
             INSERT INTO speech_audio (id, tenant_id, hash, voice, model, content_type, content, creation_time, last_used_time)
             VALUES ({Guid.CreateVersion7()}, {tenantId}, {hash}, {voice}, {model}, {SpeechSynthesizer.ContentType}, {content}, {now}, {now})
             ON CONFLICT (tenant_id, hash) DO NOTHING
             """,
            cancellationToken);
    }

    public async Task<SpeechAudioContent?> FindAsync(string hash, CancellationToken cancellationToken) =>
        await db.SpeechAudio.AsNoTracking()
            .Where(a => a.Hash == hash)
            .Select(a => new SpeechAudioContent(a.ContentType, a.Content))
            .FirstOrDefaultAsync(cancellationToken);
}

public sealed record SpeechAudioContent(string ContentType, byte[] Content);
