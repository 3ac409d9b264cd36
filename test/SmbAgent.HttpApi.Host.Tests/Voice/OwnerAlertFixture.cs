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
using SmbAgent.Workspace;

namespace SmbAgent.HttpApi.Tests.Voice;

/// <summary>
/// The API host with its job server, SMS through the Twilio stub, and an owner-call ladder whose acknowledge timeout
/// the fixture chooses: tiny to watch it escalate, long to drive it by webhooks alone.
/// </summary>
public abstract class OwnerAlertFixture(TimeSpan acknowledgeTimeout) : IAsyncLifetime
{
    public TwilioStubServer Twilio { get; private set; } = null!;

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
        };
        await Api.InitializeAsync();
    }

    /// <summary>A business of <paramref name="edition"/> with an email contact and two phone contacts of its own, Ana then Ben.</summary>
    public async Task<AlertBusiness> BusinessAsync(string edition = EditionMatrix.Pro, string? first = null)
    {
        first ??= NewNumber();
        var second = NewNumber();
        var owner = await Api.CreateTenantAsync(edition, $"Drip & Co {Guid.NewGuid():N}");
        await InTenantAsync(owner.TenantId, async db =>
        {
            var profile = await db.BusinessProfiles.FirstAsync();
            profile.Phone = "+1 415 555 0100";
            profile.Contacts =
            [
                new NotificationContact(ContactKind.Email, owner.Email, "Owner"),
                new NotificationContact(ContactKind.Phone, first, "Ana"),
                new NotificationContact(ContactKind.Phone, second, "Ben"),
            ];
            await db.SaveChangesAsync();
            return 0;
        });
        var key = await InTenantAsync(owner.TenantId, db => db.Tenants.Where(t => t.Id == owner.TenantId).Select(t => t.WidgetKey).SingleAsync());
        return new AlertBusiness(owner.TenantId, key, owner.Email, first, second);
    }

    /// <summary>Reports an emergency in the chat and answers its essential questions: an URGENT lead.</summary>
    public async Task<Guid> UrgentLeadAsync(AlertBusiness business, string phone = "+1 415 555 0188", string problem = "Water is pouring through the ceiling")
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

    /// <summary>The call the stub took for <paramref name="to"/> for the <paramref name="nth"/> time (from 0), waiting for it.</summary>
    public async Task<OwnerCall> CallToAsync(string to, int nth = 0)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            if (Twilio.Calls.Where(c => c.To == to).Skip(nth).FirstOrDefault() is { } call)
            {
                return new OwnerCall(call);
            }

            DateTimeOffset.UtcNow.ShouldBeLessThan(deadline, $"no call to {to}");
            await Task.Delay(100);
        }
    }

    /// <summary>A number no other test's business rings: the stub's calls tell the tests apart by it.</summary>
    private static string NewNumber() => $"+1415{Random.Shared.NextInt64(1_000_000, 9_999_999)}";

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await Twilio.DisposeAsync();
    }
}

public sealed record AlertBusiness(Guid TenantId, string WidgetKey, string OwnerEmail, string First, string Second);

/// <summary>A call the ladder placed through the Calls API: its TwiML, and the webhook addresses in it, relative to the API host.</summary>
public sealed record OwnerCall(TwilioStubCall Request)
{
    public XDocument Twiml { get; } = XDocument.Parse(Request.Twiml!);

    public string Said => string.Concat(Twiml.Descendants("Say").Select(s => s.Value));

    public Uri ChoiceUrl => new(Twiml.Descendants("Gather").Single().Attribute("action")!.Value);

    public string ChoicePath => ChoiceUrl.PathAndQuery;

    public string StatusPath => new Uri(Request.StatusCallback!).PathAndQuery;
}

public sealed class FastLadderFixture() : OwnerAlertFixture(TimeSpan.FromSeconds(1));

public sealed class SlowLadderFixture() : OwnerAlertFixture(TimeSpan.FromMinutes(10));
