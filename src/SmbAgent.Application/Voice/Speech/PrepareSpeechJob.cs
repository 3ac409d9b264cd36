using Microsoft.EntityFrameworkCore;
using SmbAgent.BackgroundJobs;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.Tenancy;
using SmbAgent.Workspace;

namespace SmbAgent.Voice.Speech;

/// <summary>
/// Synthesises the greeting and every lead question in each premium voice the business's active lines use. Sentences
/// already cached are only marked used, so a repeated run costs no synthesis.
/// </summary>
public sealed class PrepareSpeechJob(
    ISmbAgentDbContext db,
    ICurrentTenant currentTenant,
    IFeatureChecker features,
    SpeechSynthesizer synthesizer,
    SpeechAudioCache cache) : IBackgroundJob<PrepareSpeechArgs>
{
    public async Task ExecuteAsync(PrepareSpeechArgs args, CancellationToken cancellationToken)
    {
        if (currentTenant.Id is not { } tenantId
            || !synthesizer.IsConfigured
            || !await features.IsEnabledAsync(SmbFeatures.Voice.PremiumVoices, cancellationToken))
        {
            return;
        }

        var voices = await db.PhoneLines.AsNoTracking()
            .Where(l => l.IsActive && l.PremiumVoice != null)
            .Select(l => l.PremiumVoice!)
            .Distinct()
            .ToListAsync(cancellationToken);
        var agent = await db.AgentSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (agent is null || voices.Count == 0)
        {
            return;
        }

        var questions = await db.LeadQuestions.AsNoTracking()
            .OrderBy(q => q.Position)
            .Select(q => q.Text)
            .ToListAsync(cancellationToken);
        foreach (var voice in voices.Where(AgentVoices.PremiumVoices.Contains))
        {
            foreach (var text in questions.Prepend(SpokenPrompts.Greeting(agent)).Prepend(Privacy.Disclosures.Of(agent) ?? string.Empty).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal))
            {
                await cache.GetAsync(tenantId, text, voice, budget: null, cancellationToken);
            }
        }
    }
}
