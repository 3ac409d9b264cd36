using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmbAgent.Data;
using SmbAgent.PublicUrls;
using SmbAgent.Twilio;
using SmbAgent.Voice;
using SmbAgent.Voice.PhoneLines;

namespace SmbAgent.HttpApi.Voice.Simulator;

/// <summary>
/// The API host's <c>simulate-call</c> verb: signs with the token Twilio would use (the line's own, read through Data
/// Protection from the database, or the platform account's) and plays the call against a running API.
/// </summary>
public static class CallSimulatorVerb
{
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextReader input)
    {
        if (CallSimulatorOptions.Parse(args) is not { } options)
        {
            await output.WriteLineAsync(CallSimulatorOptions.Usage);
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var publicApi = sp.GetRequiredService<IOptions<PublicUrlOptions>>().Value.Api;
        var platform = sp.GetRequiredService<IOptions<TwilioOptions>>().Value;
        using var client = new HttpClient { BaseAddress = options.Api ?? publicApi, Timeout = TimeSpan.FromSeconds(30) };
        if (options.OwnerAlertSid is { } alertSid)
        {
            var db = sp.GetRequiredService<ISmbAgentDbContext>();
            var alert = await db.DevelopmentOutbox.AsNoTracking().FirstOrDefaultAsync(m => m.Sid == alertSid && m.Kind == DevelopmentOutboxKind.Call);
            if (alert is null || !IsConfigured(platform))
            {
                await output.WriteLineAsync(alert is null
                    ? $"No call {alertSid} in the development outbox."
                    : "The owner alert's callbacks are signed with the platform's Twilio account: set Twilio:AccountSid and Twilio:AuthToken.");
                return 2;
            }

            var simulator = new CallSimulator(client, publicApi, platform.AccountSid!, platform.AuthToken!, output, input);
            return await simulator.AnswerOwnerAlertAsync(
                alert.Sid, alert.From, alert.To, alert.Body, alert.CallbackUrl is { } callback ? new Uri(callback) : null, options.Press!);
        }

        var line = await sp.GetRequiredService<PhoneLineStore>().FindByNumberAsync(options.To!);
        var (accountSid, token) = line is not null && line.AccountSid != platform.AccountSid
            ? (line.AccountSid, sp.GetRequiredService<PhoneLineSecrets>().Unprotect(line.ProtectedAuthToken))
            : (platform.AccountSid, platform.AuthToken);
        if (string.IsNullOrEmpty(accountSid) || string.IsNullOrEmpty(token))
        {
            await output.WriteLineAsync($"No phone line here has the number {options.To}, and no platform Twilio account is configured to sign with.");
            return 2;
        }

        return await new CallSimulator(client, publicApi, accountSid, token, output, input).CallAsync(options.To!, options.From!, options.Inputs);
    }

    private static bool IsConfigured(TwilioOptions platform) => platform.IsConfigured && !string.IsNullOrEmpty(platform.AuthToken);
}
