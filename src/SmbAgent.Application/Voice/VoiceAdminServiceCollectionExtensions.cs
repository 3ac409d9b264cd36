using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Voice.Calls;
using SmbAgent.Voice.PhoneLines;

namespace SmbAgent.Voice;

public static class VoiceAdminServiceCollectionExtensions
{
    /// <summary>The owner's side of the phone line: its numbers, its calls and their recordings.</summary>
    public static IServiceCollection AddVoiceAdmin(this IServiceCollection services)
    {
        services.AddScoped<PhoneLineAppService>();
        services.AddScoped<CallLogAppService>();
        services.AddScoped<CallRecordingSource>();
        // Twilio answers a recording's headers quickly or not at all; the body then streams for as long as it plays.
        services.AddHttpClient(CallRecordingSource.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(15))
            .RedactLoggedHeaders(_ => true);
        return services;
    }
}
