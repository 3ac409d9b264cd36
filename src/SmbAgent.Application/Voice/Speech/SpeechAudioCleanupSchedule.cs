using Hangfire;
using Microsoft.Extensions.Options;
using SmbAgent.BackgroundJobs;

namespace SmbAgent.Voice.Speech;

/// <summary>Registers the speech audio cleanup as a recurring host job.</summary>
public sealed class SpeechAudioCleanupSchedule(IRecurringJobManager recurringJobs, IOptions<SpeechOptions> options) : IRecurringHostJob
{
    public const string RecurringJobId = "speech-audio-cleanup";

    string IRecurringHostJob.RecurringJobId => RecurringJobId;

    public void Register() =>
        recurringJobs.AddOrUpdate<TenantJobRunner>(
            RecurringJobId,
            runner => runner.RunAsync(null, new CleanUpSpeechAudioArgs(), CancellationToken.None),
            options.Value.CleanupSchedule);
}
