using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmbAgent.BackgroundJobs;
using SmbAgent.Data;
using SmbAgent.Tenancy;

namespace SmbAgent.Voice.Speech;

/// <summary>
/// Deletes synthesised speech nobody played or asked for in <see cref="SpeechOptions.KeepUnusedFor"/>: sentences of
/// answers given once, and prompts the owner has since reworded. A sentence asked for again is synthesised again.
/// </summary>
public sealed partial class SpeechAudioCleanupJob(
    ISmbAgentDbContext db,
    IDataFilter dataFilter,
    ICurrentTenant currentTenant,
    IOptions<SpeechOptions> options,
    TimeProvider clock,
    ILogger<SpeechAudioCleanupJob> logger) : IBackgroundJob<CleanUpSpeechAudioArgs>
{
    public async Task ExecuteAsync(CleanUpSpeechAudioArgs args, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - options.Value.KeepUnusedFor;
        using (currentTenant.Change(null))
        using (dataFilter.Disable<IMultiTenant>())
        {
            var deleted = await db.SpeechAudio.Where(a => a.LastUsedTime < cutoff).ExecuteDeleteAsync(cancellationToken);
            if (deleted > 0)
            {
                LogDeleted(logger, deleted);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} synthesised sentence(s) no call used lately")]
    private static partial void LogDeleted(ILogger logger, int count);
}
