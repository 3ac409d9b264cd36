using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.Twilio;
using SmbAgent.Voice;
using SmbAgent.Voice.PhoneLines;
using SmbAgent.Workspace;

namespace SmbAgent.Tenancy;

/// <summary>
/// For the run command: a demo business with its owner, when <c>Seed:DemoTenant:Enabled</c> is set; and, when a Twilio
/// account is configured, its phone line on that account, so the call simulator (and a real call to the number) reaches
/// it. The line comes with the voice features the demo's plan lacks and the owner's mobile as the emergency call's
/// contact; an admin's later changes to any of them are kept.
/// </summary>
public sealed class DemoTenantDataSeedContributor(
    TenantManager tenants,
    ISmbAgentDbContext db,
    ICurrentTenant currentTenant,
    IDataFilter dataFilter,
    PhoneLineSecrets secrets,
    FeatureManager features,
    IOptions<SeedOptions> options,
    IOptions<TwilioOptions> twilio)
    : IDataSeedContributor
{
    /// <summary>In Twilio's range of test numbers, which no real phone has.</summary>
    public const string DemoNumber = "+15005550100";

    /// <summary>The demo owner's mobile, a fictional number: the emergency owner call rings it (into the development outbox).</summary>
    public const string DemoOwnerMobile = "+14155550100";

    public async Task SeedAsync(DataSeedContext context, CancellationToken cancellationToken)
    {
        var demo = options.Value.DemoTenant;
        if (context.TenantId is not null || !demo.Enabled || string.IsNullOrWhiteSpace(demo.OwnerEmail) || string.IsNullOrWhiteSpace(demo.OwnerPassword))
        {
            return;
        }

        var normalized = Tenant.NormalizeName(demo.Name);
        var tenantId = await db.Tenants.Where(t => t.NormalizedName == normalized).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(cancellationToken);
        if (tenantId is null)
        {
            if (await tenants.IsNameTakenAsync(demo.Name, cancellationToken: cancellationToken))
            {
                return;
            }

            tenantId = (await tenants.CreateAsync(
                new CreateTenantRequest(demo.Name, demo.OwnerEmail, demo.OwnerPassword, "Demo Owner", OwnerEmailConfirmed: true),
                cancellationToken)).Id;
        }

        await SeedPhoneLineAsync(tenantId.Value, cancellationToken);
    }

    private async Task SeedPhoneLineAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var account = twilio.Value;
        if (!account.IsConfigured || string.IsNullOrEmpty(account.AuthToken))
        {
            return;
        }

        using (dataFilter.Disable<IMultiTenant>())
        {
            if (await db.PhoneLines.AnyAsync(l => l.Number == DemoNumber, cancellationToken))
            {
                return;
            }
        }

        using (currentTenant.Change(tenantId))
        {
            db.PhoneLines.Add(new PhoneLine(Guid.CreateVersion7(), tenantId, DemoNumber, account.AccountSid!, secrets.Protect(account.AuthToken)));
            if (await db.BusinessProfiles.FirstOrDefaultAsync(cancellationToken) is { } profile && !profile.Contacts.Exists(c => c.Kind == ContactKind.Phone))
            {
                profile.Contacts = [.. profile.Contacts, new NotificationContact(ContactKind.Phone, DemoOwnerMobile, "Demo Owner")];
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        await features.SetForTenantAsync(tenantId, SmbFeatures.Voice.Agent, "true", cancellationToken);
        await features.SetForTenantAsync(tenantId, SmbFeatures.Voice.EmergencyOwnerCall, "true", cancellationToken);
        await features.SetForTenantAsync(tenantId, SmbFeatures.Voice.MaxMinutesPerMonth, "1000", cancellationToken);
    }
}
