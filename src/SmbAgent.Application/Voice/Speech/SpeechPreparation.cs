using SmbAgent.BackgroundJobs;
using SmbAgent.Features;
using SmbAgent.Tenancy;

namespace SmbAgent.Voice.Speech;

/// <summary>
/// Queues the synthesis of the sentences every call says, so the first caller after a change already hears them in
/// the premium voice. Called after the agent settings, the lead questions or a phone line's premium voice are saved.
/// </summary>
public sealed class SpeechPreparation(
    ICurrentTenant currentTenant,
    IFeatureChecker features,
    SpeechSynthesizer synthesizer,
    IBackgroundJobManager jobs)
{
    public async Task QueueAsync(CancellationToken cancellationToken = default)
    {
        if (currentTenant.Id is null
            || !synthesizer.IsConfigured
            || !await features.IsEnabledAsync(SmbFeatures.Voice.PremiumVoices, cancellationToken))
        {
            return;
        }

        jobs.Enqueue(new PrepareSpeechArgs());
    }
}
