using System.Globalization;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.HttpApi.Tests.Conversations;
using SmbAgent.Notifications;
using SmbAgent.Tenancy;
using SmbAgent.TestKit.Stubs;
using SmbAgent.Twilio;
using SmbAgent.Workspace;

namespace SmbAgent.HttpApi.Tests.Voice;

/// <summary>
/// The API host with its job server, SMS through the Twilio stub, and an owner-call ladder whose acknowledge timeout
/// the fixture chooses: tiny to watch it escalate, long to drive it by webhooks alone.
/// </summary>
public abstract class OwnerAlertFixture(TimeSpan acknowledgeTimeout) : IAsyncLifetime
{
    public const string FirstContact = "+14155550101";
    public const string SecondContact = "+14155550102";

    public TwilioStubServer Twilio { get; private set; } = null!;

    public RecordingCallPlacer Calls { get; } = new();

    public ApiFixture Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Twilio = await TwilioStubServer.StartAsync();
        Api = new ApiFixture
        {
            Overrides = new Dictionary<string, string?>(Twilio.ClientSettings())
            {
                ["EmergencyAlerts:AcknowledgeTimeout"] = acknowledgeTimeout.ToString("c", CultureInfo.InvariantCulture),
                ["EmergencyAlerts:Rounds"] = "2",
            },
            TestServices = services => services.AddSingleton<IOutboundCallPlacer>(Calls),
        };
        await Api.InitializeAsync();
    }

    /// <summary>A business of <paramref name="edition"/> with an email contact and two phone contacts, Ana then Ben.</summary>
    public async Task<ChatBusiness> BusinessAsync(string edition = EditionMatrix.Pro)
    {
        var owner = await Api.CreateTenantAsync(edition, $"Drip & Co {Guid.NewGuid():N}");
        await InTenantAsync(owner.TenantId, async db =>
        {
            var profile = await db.BusinessProfiles.FirstAsync();
            profile.Phone = "+1 415 555 0100";
            profile.Contacts =
            [
                new NotificationContact(ContactKind.Email, owner.Email, "Owner"),
                new NotificationContact(ContactKind.Phone, FirstContact, "Ana"),
                new NotificationContact(ContactKind.Phone, SecondContact, "Ben"),
            ];
            await db.SaveChangesAsync();
            return 0;
        });
        var key = await InTenantAsync(owner.TenantId, db => db.Tenants.Where(t => t.Id == owner.TenantId).Select(t => t.WidgetKey).SingleAsync());
        return new ChatBusiness(owner.TenantId, key, owner.Email);
    }

    /// <summary>Reports an emergency in the chat and answers its essential questions: an URGENT lead.</summary>
    public async Task<Guid> UrgentLeadAsync(ChatBusiness business, string phone = "+1 415 555 0188", string problem = "Water is pouring through the ceiling")
    {
        var chat = new ChatClient(Api.Factory.CreateClient(), business.WidgetKey);
        await chat.StartAsync();
        (await chat.SayAsync("My basement is flooding")).ShouldContain("emergency");
        await chat.SayAsync(phone);
        (await chat.SayAsync(problem)).ShouldContain("alerted");
        return await InTenantAsync(business.TenantId, db => db.Leads.Select(l => l.Id).SingleAsync());
    }

    public Task<T> InTenantAsync<T>(Guid tenantId, Func<ISmbAgentDbContext, Task<T>> action) =>
        Api.Factory.Services.InTenantAsync(tenantId, sp => action(sp.GetRequiredService<ISmbAgentDbContext>()));

    public Task<EmergencyAlert> AlertAsync(Guid tenantId, Guid leadId) =>
        InTenantAsync(tenantId, db => db.EmergencyAlerts.AsNoTracking().SingleAsync(a => a.LeadId == leadId));

    public Task<List<EmergencyAlertAttempt>> AttemptsAsync(Guid tenantId, Guid alertId) =>
        InTenantAsync(tenantId, db => db.EmergencyAlertAttempts.AsNoTracking().Where(a => a.AlertId == alertId)
            .OrderBy(a => a.Round).ThenBy(a => a.ContactIndex).ToListAsync());

    /// <summary>Polls the alert until <paramref name="done"/> holds, or fails after 30 seconds.</summary>
    public async Task<EmergencyAlert> WaitForAsync(Guid tenantId, Guid leadId, Func<EmergencyAlert, List<EmergencyAlertAttempt>, bool> done)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            var alert = await AlertAsync(tenantId, leadId);
            if (done(alert, await AttemptsAsync(tenantId, alert.Id)))
            {
                return alert;
            }

            DateTimeOffset.UtcNow.ShouldBeLessThan(deadline, $"the alert stayed {alert.State} at round {alert.Round}, contact {alert.ContactIndex}");
            await Task.Delay(100);
        }
    }

    /// <summary>The business's call placed to <paramref name="to"/> for the <paramref name="nth"/> time (from 0), waiting for it.</summary>
    public async Task<OwnerCall> CallToAsync(ChatBusiness business, string to, int nth = 0)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            if (Calls.Calls.Where(c => c.TenantId == business.TenantId && c.To == to).Skip(nth).FirstOrDefault() is { } call)
            {
                return new OwnerCall(call);
            }

            DateTimeOffset.UtcNow.ShouldBeLessThan(deadline, $"no call to {to}");
            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await Twilio.DisposeAsync();
    }
}

/// <summary>A call the ladder placed: its TwiML, and the webhook addresses in it, relative to the API host.</summary>
public sealed record OwnerCall(OutboundCallRequest Request)
{
    public XDocument Twiml { get; } = XDocument.Parse(Request.Twiml);

    public string Said => string.Concat(Twiml.Descendants("Say").Select(s => s.Value));

    public Uri ChoiceUrl => new(Twiml.Descendants("Gather").Single().Attribute("action")!.Value);

    public string ChoicePath => ChoiceUrl.PathAndQuery;

    public string StatusPath => Request.StatusCallback.PathAndQuery;
}

public sealed class FastLadderFixture() : OwnerAlertFixture(TimeSpan.FromSeconds(1));

public sealed class SlowLadderFixture() : OwnerAlertFixture(TimeSpan.FromMinutes(10));
