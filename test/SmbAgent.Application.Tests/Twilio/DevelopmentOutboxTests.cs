using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Notifications.Sms;
using SmbAgent.TestKit;
using SmbAgent.TestKit.Stubs;
using SmbAgent.Twilio;
using SmbAgent.Twilio.DevelopmentOutbox;
using SmbAgent.Voice;

namespace SmbAgent.Application.Tests.Twilio;

/// <summary>With <c>Twilio:DevelopmentOutbox</c>, SMS and calls become rows of the outbox and nothing reaches Twilio.</summary>
public sealed partial class DevelopmentOutboxTests : IAsyncLifetime
{
    private const string Owner = "+14155550123";

    private static readonly Uri StatusCallback = new("https://agent.example.com/api/voice/owner-alert/status");

    private TestDatabase database = null!;
    private TwilioStubServer stub = null!;
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync("outbox");
        await database.MigrateAsync();
        stub = await TwilioStubServer.StartAsync();
        services = CoreFixture.BuildServices(database, new Dictionary<string, string?>(stub.ClientSettings()) { ["Twilio:DevelopmentOutbox"] = "true" });
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await stub.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task An_sms_and_a_call_are_kept_in_the_outbox_with_twilio_shaped_sids_and_nothing_reaches_twilio()
    {
        var owner = await TestTenants.CreateAsync(services);
        var twiml = "<?xml version=\"1.0\" encoding=\"utf-8\"?><Response><Say>Press 1 &amp; hold</Say></Response>";

        var sms = await services.InTenantAsync(owner.TenantId, sp => sp.GetRequiredService<ISmsSender>().SendAsync(Owner, "New lead: boiler leak"));
        var call = await services.InTenantAsync(owner.TenantId, sp => sp.GetRequiredService<IOutboundCallPlacer>()
            .PlaceAsync(new OutboundCallRequest(owner.TenantId, Owner, twiml, StatusCallback, TimeSpan.FromSeconds(20))));

        stub.Requests.ShouldBeEmpty();
        MessageSid().IsMatch(sms.MessageSid.ShouldNotBeNull()).ShouldBeTrue(sms.MessageSid);
        CallSid().IsMatch(call.CallSid).ShouldBeTrue(call.CallSid);
        var listed = await services.InTenantAsync(null, sp => sp.GetRequiredService<DevelopmentOutboxAppService>().GetListAsync());
        var mine = listed.Where(m => m.TenantId == owner.TenantId).ToList();
        mine.Select(m => m.Sid).ShouldBe([call.CallSid, sms.MessageSid], "newest first");
        mine.ShouldAllBe(m => m.To == Owner && m.From == TwilioStubServer.FromNumber);

        var smsRow = await services.InTenantAsync(null, sp => sp.GetRequiredService<DevelopmentOutboxAppService>().GetAsync(mine[1].Id));
        smsRow.ShouldNotBeNull().Item.Kind.ShouldBe(DevelopmentOutboxKind.Sms);
        smsRow.Body.ShouldBe("New lead: boiler leak");
        smsRow.CallbackUrl.ShouldBeNull();
        var callRow = await services.InTenantAsync(null, sp => sp.GetRequiredService<DevelopmentOutboxAppService>().GetAsync(mine[0].Id));
        callRow.ShouldNotBeNull().Item.Kind.ShouldBe(DevelopmentOutboxKind.Call);
        callRow.Body.ShouldBe(twiml);
        callRow.CallbackUrl.ShouldBe(StatusCallback.AbsoluteUri);
    }

    [Fact]
    public async Task A_long_sms_is_kept_as_twilio_would_have_received_it()
    {
        var body = string.Join(' ', Enumerable.Range(0, 400).Select(i => $"word{i}"));

        var sms = await services.InTenantAsync(null, sp => sp.GetRequiredService<ISmsSender>().SendAsync(Owner, body));

        sms.BodyTruncated.ShouldBeTrue();
        var listed = await services.InTenantAsync(null, sp => sp.GetRequiredService<DevelopmentOutboxAppService>().GetListAsync());
        var row = await services.InTenantAsync(null, sp => sp.GetRequiredService<DevelopmentOutboxAppService>().GetAsync(listed.Single(m => m.Sid == sms.MessageSid).Id));
        row.ShouldNotBeNull().Body.Length.ShouldBeLessThanOrEqualTo(SmsLimits.MaxBodyLength);
        row.Body.ShouldEndWith("...");
        stub.Requests.ShouldBeEmpty();
    }

    [GeneratedRegex("^SM[0-9a-f]{32}$")]
    private static partial Regex MessageSid();

    [GeneratedRegex("^CA[0-9a-f]{32}$")]
    private static partial Regex CallSid();
}
