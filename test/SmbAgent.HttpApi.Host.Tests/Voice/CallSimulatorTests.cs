using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.HttpApi.Voice.Simulator;
using SmbAgent.TestKit.Twilio;
using SmbAgent.Voice.Calls;
using Twilio.Security;

namespace SmbAgent.HttpApi.Tests.Voice;

/// <summary>
/// The call simulator plays a call as Twilio would. The conversation's own webhooks (incoming, gather) are another
/// part's: here a stand-in answers them, checking every signature with the SDK's validator; the recording and status
/// callbacks are the real ones, behind the real signature check.
/// </summary>
public sealed class CallSimulatorTests : IAsyncLifetime
{
    private const string Token = "simulated-line-token-0123456789ab";
    private static readonly string AccountSid = TwilioSigner.NewSid("AC");

    private readonly VoiceApiFixture fixture = new()
    {
        Services = services => services.AddSingleton<IStartupFilter, StandInCallFlow>(),
    };

    public Task InitializeAsync() => fixture.InitializeAsync();

    public Task DisposeAsync() => fixture.DisposeAsync();

    [Fact]
    public async Task A_simulated_call_follows_each_gather_redirect_and_record_and_ends_with_its_status()
    {
        var business = await fixture.Api.CreateTenantAsync(EditionMatrix.Pro);
        var number = TestPhoneLines.NewNumber();
        await TestPhoneLines.AddAsync(fixture.Api.Factory.Services, business.TenantId, number, AccountSid, Token);
        var output = new StringWriter();
        var simulator = new CallSimulator(fixture.Api.Factory.CreateClient(), new Uri(VoiceApiFixture.PublicApi), AccountSid, Token, output, TextReader.Null);

        var exit = await simulator.CallAsync(number, "+15550001111", [new("When are you open?", false), new("2", true), new("Please call me back about the boiler", false)]);

        exit.ShouldBe(0, output.ToString());
        var printed = output.ToString();
        printed.ShouldContain("SpeechResult=When are you open?");
        printed.ShouldContain("Digits=2");
        printed.ShouldContain("POST /api/voice/recording");
        printed.ShouldContain("POST /api/voice/status CallStatus=completed");
        var (log, lead) = await fixture.Api.Factory.Services.InTenantAsync(business.TenantId, async sp =>
        {
            var db = sp.GetRequiredService<ISmbAgentDbContext>();
            return (await db.CallLogs.AsNoTracking().SingleAsync(), await db.Leads.AsNoTracking().SingleAsync());
        });
        log.Status.ShouldBe(CallStatuses.Completed);
        log.LeadId.ShouldBe(lead.Id);
        lead.Notes.ShouldBe("Please call me back about the boiler");
    }

    [Fact]
    public async Task A_refused_webhook_ends_the_simulation_with_1()
    {
        var simulator = new CallSimulator(fixture.Api.Factory.CreateClient(), new Uri(VoiceApiFixture.PublicApi), AccountSid, "a-wrong-token-0123456789abcdef012", new StringWriter(), TextReader.Null);

        (await simulator.CallAsync(TestPhoneLines.NewNumber(), "+15550001112", [])).ShouldBe(1);
    }

    [Fact]
    public async Task Arguments_that_make_no_call_print_the_usage_and_end_with_2()
    {
        var output = new StringWriter();

        (await CallSimulatorVerb.RunAsync(fixture.Api.Factory.Services, ["simulate-call", "--to", "+15005550100"], output, TextReader.Null)).ShouldBe(2);
        output.ToString().ShouldContain("usage: simulate-call");
    }

    /// <summary>Answers incoming and gather as a conversation would, only when Twilio's signature for the public URL holds.</summary>
    private sealed class StandInCallFlow : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextStep) =>
            {
                var path = context.Request.Path.Value;
                if (path is not ("/api/voice/incoming" or "/api/voice/gather" or "/api/voice/more"))
                {
                    await nextStep(context);
                    return;
                }

                var form = await context.Request.ReadFormAsync();
                var url = $"{VoiceApiFixture.PublicApi}{context.Request.Path}{context.Request.QueryString}";
                if (!new RequestValidator(Token).Validate(url, form.ToDictionary(f => f.Key, f => f.Value.ToString()), context.Request.Headers["X-Twilio-Signature"].ToString()))
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return;
                }

                context.Response.ContentType = "application/xml";
                await context.Response.WriteAsync((path, context.Request.Query["turn"].ToString()) switch
                {
                    ("/api/voice/incoming", _) => $"""<Response><Gather input="speech" action="{VoiceApiFixture.PublicApi}/api/voice/gather?turn=1"><Say>Hello</Say></Gather></Response>""",
                    ("/api/voice/gather", "1") when form["SpeechResult"] == "When are you open?" => """<Response><Say>From 8.</Say><Redirect>more</Redirect></Response>""",
                    ("/api/voice/more", _) => """<Response><Gather input="dtmf" action="gather?turn=2"><Say>Press 2 to leave a message.</Say></Gather></Response>""",
                    ("/api/voice/gather", "2") when form["Digits"] == "2" => """<Response><Record action="/api/voice/recording" transcribe="true"/></Response>""",
                    _ => "<Response><Hangup/></Response>",
                });
            });
            next(app);
        };
    }
}
