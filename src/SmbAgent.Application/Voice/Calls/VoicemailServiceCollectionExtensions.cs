using Microsoft.Extensions.DependencyInjection;
using SmbAgent.BackgroundJobs;

namespace SmbAgent.Voice.Calls;

public static class VoicemailServiceCollectionExtensions
{
    /// <summary>A call's voicemail made a lead: inline with Twilio's transcript, or through OpenAI's transcription job.</summary>
    public static IServiceCollection AddVoicemails(this IServiceCollection services)
    {
        services.AddScoped<VoicemailManager>();
        services.AddBackgroundJob<VoicemailTranscriptionJob, TranscribeVoicemailArgs>();
        return services;
    }
}
