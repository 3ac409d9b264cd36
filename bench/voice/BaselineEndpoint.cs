using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Twilio.TwiML;
using Twilio.TwiML.Voice;

namespace SmbAgent.Bench.Voice;

/// <summary>
/// The baseline: a branch ahead of the host's whole pipeline that reads the form as a webhook does and answers
/// static TwiML built by the SDK, so the difference to a real webhook is our code, not HTTP, the form or the XML.
/// </summary>
public sealed class BaselineEndpoint : IStartupFilter
{
    public const string Path = "/bench/baseline";

    private static readonly Uri GatherAction = new("http://localhost/bench/baseline");

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map(Path, branch => branch.Run(AnswerAsync));
        next(app);
    };

    private static async System.Threading.Tasks.Task AnswerAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var gather = new Gather(input: [Gather.InputEnum.Speech], action: GatherAction, language: "en-US", speechTimeout: "auto");
        gather.Say($"Thanks for calling. How can I help? {form.Count}");
        var response = new VoiceResponse().Append(gather).Redirect(GatherAction);
        context.Response.ContentType = "application/xml";
        await context.Response.WriteAsync(response.ToString());
    }
}
