using System.Globalization;
using System.Web;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Conversations.Voice;
using SmbAgent.TestKit;
using SmbAgent.TestKit.Twilio;
using Twilio.TwiML;

namespace SmbAgent.Application.Tests.Conversations.Voice;

/// <summary>
/// One call as Twilio would make it against the app service: the incoming webhook, then each result posted to the
/// turn the last gather named. Every answer is parsed as XML, so TwiML that isn't well-formed fails the test.
/// </summary>
public sealed class TestCall(IServiceProvider services, VoiceBusiness business, string from = VoiceBusinesses.Caller)
{
    public string CallSid { get; } = "CA" + Guid.NewGuid().ToString("N");

    public XDocument? Last { get; private set; }

    public Task<XDocument> IncomingAsync() =>
        RunAsync(async sp => (await sp.GetRequiredService<VoiceCallAppService>().IncomingAsync(new IncomingCallDto(CallSid, from, business.Number))).ToString());

    public Task<XDocument> SayAsync(string speech) => AnswerAsync(speech, null);

    public Task<XDocument> PressAsync(string digits) => AnswerAsync(null, digits);

    /// <summary>The gather heard nothing: Twilio follows the redirect after it.</summary>
    public Task<XDocument> SilenceAsync()
    {
        var redirect = Twiml.Redirect(Last ?? throw new InvalidOperationException("No gather yet.")) ?? throw new InvalidOperationException("No redirect after the gather.");
        var query = HttpUtility.ParseQueryString(redirect.Query);
        return GatherAsync(int.Parse(query["turn"]!, CultureInfo.InvariantCulture), int.Parse(query["silence"]!, CultureInfo.InvariantCulture), null, null, QuestionOf(query["question"]));
    }

    /// <summary>Posts to the turn the last gather's action names.</summary>
    public Task<XDocument> AnswerAsync(string? speech, string? digits)
    {
        var action = Twiml.GatherAction(Last ?? throw new InvalidOperationException("No gather yet.")) ?? throw new InvalidOperationException("The call isn't listening.");
        var query = HttpUtility.ParseQueryString(action.Query);
        return GatherAsync(int.Parse(query["turn"]!, CultureInfo.InvariantCulture), 0, speech, digits, QuestionOf(query["question"]));
    }

    public Task<XDocument> GatherAsync(int turn, int silences, string? speech, string? digits, Guid? question = null) =>
        RunAsync(sp => sp.GetRequiredService<VoiceCallAppService>().GatherAsync(new CallGatherDto(CallSid, from, business.Number, turn, silences, speech, digits, question)));

    private static Guid? QuestionOf(string? value) => value is null ? null : Guid.Parse(value, CultureInfo.InvariantCulture);

    public Task<XDocument> DialEndedAsync(string status) =>
        RunAsync(async sp => (await sp.GetRequiredService<VoiceCallAppService>().DialEndedAsync(new DialEndedDto(CallSid, business.Number, status))).ToString());

    private async Task<XDocument> RunAsync(Func<IServiceProvider, Task<string>> webhook)
    {
        Last = XDocument.Parse(await services.InTenantAsync(business.TenantId, webhook));
        return Last;
    }
}
