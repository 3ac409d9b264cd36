using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Data;
using SmbAgent.TestKit;
using SmbAgent.TestKit.Twilio;

namespace SmbAgent.HttpApi.Tests.Voice.Calls;

/// <summary>
/// Two API hosts on one database and one Redis, as behind a load balancer: Twilio's webhooks of one call land on
/// either, alternately, and the call goes on where the other left it (state in Redis and PostgreSQL, tokens readable by
/// both through the shared Data Protection keys).
/// </summary>
public sealed class TwoInstanceCallTests(VoiceApiFixture fixture) : IClassFixture<VoiceApiFixture>
{
    [Fact]
    public async Task Two_hosts_taking_alternate_webhooks_of_one_call_complete_it()
    {
        var business = await CallBusinesses.CreateAsync(fixture);
        await using var second = new HostFactory<Program>(fixture.Api.Factory.Database, fixture.Api.Overrides);
        var first = fixture.WebhooksOf(business.AccountSid, business.AuthToken);
        var other = TwilioWebhookClient.For(second, business.AccountSid, business.AuthToken);
        var call = new CallClient(first, business.Number);

        await call.IncomingAsync(first);
        Twiml.Said(await call.SayAsync("What are your opening hours?", other)).ShouldContain("Saturdays from 9 am to 1 pm");
        Twiml.Said(await call.SayAsync("Please call me back", first)).ShouldContain("What's your name?");
        Twiml.Said(await call.SayAsync("Sam Jones", other)).ShouldContain("best number to reach you");
        await call.PressAsync("1", first);
        await call.SayAsync("skip", other);
        var thanks = await call.SayAsync("The boiler is making a strange noise", first);

        Twiml.Verbs(thanks)[^1].ShouldBe("Hangup");
        var lead = await fixture.Api.Factory.Services.InTenantAsync(business.TenantId, sp => sp.GetRequiredService<ISmbAgentDbContext>().Leads.AsNoTracking().SingleAsync());
        lead.Phone.ShouldBe(CallClient.Caller);
        lead.ContactName.ShouldBe("Sam Jones");
    }
}
