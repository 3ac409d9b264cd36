using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.Tenancy;
using SmbAgent.TestKit.Stubs;
using SmbAgent.Voice.PhoneLines;
using SmbAgent.Workspace;

namespace SmbAgent.HttpApi.Tests.Voice;

/// <summary>The run command's demo business gets its phone line on the configured Twilio account, once.</summary>
public sealed class DemoPhoneLineSeedTests
{
    [Fact]
    public async Task Migrating_twice_seeds_one_demo_line_whose_token_reads_back_with_the_voice_features()
    {
        await using var database = await TestDatabase.CreateAsync("demoline");
        var settings = new Dictionary<string, string?>
        {
            ["Seed:DemoTenant:Enabled"] = "true",
            ["Seed:DemoTenant:Name"] = "Demo Line Plumbing",
            ["Seed:DemoTenant:OwnerEmail"] = "demo-owner@example.com",
            ["Seed:DemoTenant:OwnerPassword"] = Passwords.New(),
            ["Twilio:AccountSid"] = TwilioStubServer.AccountSid,
            ["Twilio:AuthToken"] = TwilioStubServer.AuthToken,
            ["Twilio:FromNumber"] = TwilioStubServer.FromNumber,
        };
        await database.MigrateAsync(settings);
        await database.MigrateAsync(settings);

        await using var services = CoreFixture.BuildServices(database, settings);
        var lines = await services.InTenantAsync(null, async sp =>
        {
            using (sp.GetRequiredService<IDataFilter>().Disable<IMultiTenant>())
            {
                return await sp.GetRequiredService<ISmbAgentDbContext>().PhoneLines.AsNoTracking().ToListAsync();
            }
        });
        var line = lines.ShouldHaveSingleItem();
        line.Number.ShouldBe(DemoTenantDataSeedContributor.DemoNumber);
        line.AccountSid.ShouldBe(TwilioStubServer.AccountSid);
        line.ProtectedAuthToken.ShouldNotContain(TwilioStubServer.AuthToken);
        services.GetRequiredService<PhoneLineSecrets>().Unprotect(line.ProtectedAuthToken).ShouldBe(TwilioStubServer.AuthToken);

        var found = await services.InTenantAsync(null, sp => sp.GetRequiredService<PhoneLineStore>().FindByNumberAsync(DemoTenantDataSeedContributor.DemoNumber));
        found!.TenantId.ShouldBe(line.TenantId);
        var (agent, minutes) = await services.InTenantAsync(line.TenantId, async sp =>
            (await sp.GetRequiredService<IFeatureChecker>().IsEnabledAsync(SmbFeatures.Voice.Agent),
             await sp.GetRequiredService<IFeatureChecker>().GetLimitAsync(SmbFeatures.Voice.MaxMinutesPerMonth)));
        agent.ShouldBeTrue();
        minutes.ShouldBe(1000);
        var contacts = await services.InTenantAsync(line.TenantId, async sp =>
            (await sp.GetRequiredService<ISmbAgentDbContext>().BusinessProfiles.AsNoTracking().SingleAsync()).Contacts);
        contacts.Where(c => c.Kind == ContactKind.Phone).Select(c => c.Value)
            .ShouldBe([DemoTenantDataSeedContributor.DemoOwnerMobile], "the demo's emergency owner call has someone to ring");
    }

    [Fact]
    public async Task Without_a_twilio_account_the_demo_business_has_no_line()
    {
        await using var database = await TestDatabase.CreateAsync("demonoline");
        var settings = new Dictionary<string, string?>
        {
            ["Seed:DemoTenant:Enabled"] = "true",
            ["Seed:DemoTenant:OwnerEmail"] = "demo-owner@example.com",
            ["Seed:DemoTenant:OwnerPassword"] = Passwords.New(),
        };
        await database.MigrateAsync(settings);

        await using var services = CoreFixture.BuildServices(database, settings);
        var found = await services.InTenantAsync(null, sp => sp.GetRequiredService<PhoneLineStore>().FindByNumberAsync(DemoTenantDataSeedContributor.DemoNumber));
        found.ShouldBeNull();
    }
}
