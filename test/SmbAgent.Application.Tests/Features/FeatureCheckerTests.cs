using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Data;
using SmbAgent.EntityFrameworkCore;
using SmbAgent.Features;
using SmbAgent.TestKit;

namespace SmbAgent.Application.Tests.Features;

/// <summary>Tenant override → edition value → default, through the cache, with invalidation on every change.</summary>
public sealed class FeatureCheckerTests(CoreFixture fixture) : IClassFixture<CoreFixture>
{
    [Fact]
    public async Task Seeded_editions_give_their_values()
    {
        var free = await fixture.CreateTenantAsync(edition: EditionMatrix.Free);
        var pro = await fixture.CreateTenantAsync(edition: EditionMatrix.Pro);

        (await LimitAsync(free.Id, SmbFeatures.Leads.MaxQuestions)).ShouldBe(5);
        (await EnabledAsync(free.Id, SmbFeatures.Voice.Agent)).ShouldBeFalse();
        (await LimitAsync(pro.Id, SmbFeatures.Leads.MaxQuestions)).ShouldBe(0);
        (await EnabledAsync(pro.Id, SmbFeatures.Voice.Agent)).ShouldBeTrue();
        (await ValueAsync(pro.Id, SmbFeatures.Analytics.Level)).ShouldBe(SmbFeatures.Analytics.Full);
    }

    [Fact]
    public async Task An_edition_without_a_value_falls_back_to_the_default_and_an_override_beats_the_edition()
    {
        var edition = await CreateEditionAsync();
        var tenant = await fixture.CreateTenantAsync(edition: edition.Name);

        var fromDefault = await ValueAsync(tenant.Id, SmbFeatures.Analytics.Level);
        await SetEditionValueAsync(edition.Id, SmbFeatures.Analytics.Level, SmbFeatures.Analytics.None);
        var fromEdition = await ValueAsync(tenant.Id, SmbFeatures.Analytics.Level);
        await SetTenantValueAsync(tenant.Id, SmbFeatures.Analytics.Level, SmbFeatures.Analytics.Full);
        var fromOverride = await ValueAsync(tenant.Id, SmbFeatures.Analytics.Level);
        await SetTenantValueAsync(tenant.Id, SmbFeatures.Analytics.Level, null);
        var afterRemovingOverride = await ValueAsync(tenant.Id, SmbFeatures.Analytics.Level);

        fromDefault.ShouldBe(SmbFeatureDefinitions.Get(SmbFeatures.Analytics.Level).DefaultValue);
        fromEdition.ShouldBe(SmbFeatures.Analytics.None);
        fromOverride.ShouldBe(SmbFeatures.Analytics.Full);
        afterRemovingOverride.ShouldBe(SmbFeatures.Analytics.None);
    }

    [Fact]
    public async Task Changing_an_edition_value_is_seen_at_once_by_every_tenant_on_it()
    {
        var edition = await CreateEditionAsync();
        var first = await fixture.CreateTenantAsync(edition: edition.Name);
        var second = await fixture.CreateTenantAsync(edition: edition.Name);
        await SetEditionValueAsync(edition.Id, SmbFeatures.Voice.Agent, "false");
        (await EnabledAsync(first.Id, SmbFeatures.Voice.Agent)).ShouldBeFalse();
        (await EnabledAsync(second.Id, SmbFeatures.Voice.Agent)).ShouldBeFalse();

        await SetEditionValueAsync(edition.Id, SmbFeatures.Voice.Agent, "true");

        (await EnabledAsync(first.Id, SmbFeatures.Voice.Agent)).ShouldBeTrue();
        (await EnabledAsync(second.Id, SmbFeatures.Voice.Agent)).ShouldBeTrue();
    }

    [Fact]
    public async Task Moving_a_tenant_to_another_edition_is_seen_at_once()
    {
        var tenant = await fixture.CreateTenantAsync(edition: EditionMatrix.Free);
        (await EnabledAsync(tenant.Id, SmbFeatures.Voice.Agent)).ShouldBeFalse();

        var pro = await fixture.InTenantAsync(null, sp => Task.FromResult(sp.GetRequiredService<SmbAgentDbContext>().Editions.Single(e => e.Name == EditionMatrix.Pro)));
        await fixture.InTenantAsync(null, sp => sp.GetRequiredService<FeatureManager>().ChangeEditionAsync(tenant.Id, pro.Id));

        (await EnabledAsync(tenant.Id, SmbFeatures.Voice.Agent)).ShouldBeTrue();
        (await LimitAsync(tenant.Id, SmbFeatures.Leads.MaxQuestions)).ShouldBe(0);
    }

    [Fact]
    public async Task The_host_gets_defaults()
    {
        var value = await fixture.InTenantAsync(null, sp => sp.GetRequiredService<IFeatureChecker>().GetAsync(SmbFeatures.Leads.MaxQuestions));

        value.ShouldBe(SmbFeatureDefinitions.Get(SmbFeatures.Leads.MaxQuestions).DefaultValue);
    }

    [Fact]
    public async Task Invalid_values_and_unknown_features_are_refused()
    {
        var edition = await CreateEditionAsync();

        await Should.ThrowAsync<BusinessException>(() => SetEditionValueAsync(edition.Id, SmbFeatures.Leads.MaxQuestions, "lots"));
        await Should.ThrowAsync<BusinessException>(() => SetEditionValueAsync(edition.Id, SmbFeatures.Analytics.Level, "deluxe"));
        await Should.ThrowAsync<BusinessException>(() => SetEditionValueAsync(edition.Id, "No.Such.Feature", "true"));
    }

    [Fact]
    public async Task Count_limits_refuse_the_item_past_the_limit_and_name_the_feature()
    {
        var tenant = await fixture.CreateTenantAsync(edition: EditionMatrix.Free);

        await fixture.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<IFeatureChecker>().CheckCountLimitAsync(SmbFeatures.Leads.MaxQuestions, 4));
        var refused = await fixture.InTenantAsync(tenant.Id, sp =>
            Should.ThrowAsync<FeatureLimitReachedException>(() => sp.GetRequiredService<IFeatureChecker>().CheckCountLimitAsync(SmbFeatures.Leads.MaxQuestions, 5)));
        var unlocking = await fixture.InTenantAsync(null, sp =>
            sp.GetRequiredService<EditionCatalog>().EditionsUnlockingAsync(SmbFeatures.Leads.MaxQuestions, refused.Limit));

        refused.FeatureName.ShouldBe(SmbFeatures.Leads.MaxQuestions);
        refused.Limit.ShouldBe(5);
        unlocking.ShouldBe([EditionMatrix.Basic, EditionMatrix.Pro]);
    }

    private async Task<Edition> CreateEditionAsync()
    {
        var name = $"T{Guid.NewGuid():N}"[..12];
        return await fixture.InTenantAsync(null, async sp =>
        {
            var db = sp.GetRequiredService<SmbAgentDbContext>();
            var edition = new Edition(Guid.NewGuid(), name, name, 100);
            db.Editions.Add(edition);
            await db.SaveChangesAsync();
            return edition;
        });
    }

    private Task SetEditionValueAsync(Guid editionId, string feature, string value) =>
        fixture.InTenantAsync(null, sp => sp.GetRequiredService<FeatureManager>().SetForEditionAsync(editionId, feature, value));

    private Task SetTenantValueAsync(Guid tenantId, string feature, string? value) =>
        fixture.InTenantAsync(null, sp => sp.GetRequiredService<FeatureManager>().SetForTenantAsync(tenantId, feature, value));

    private Task<string> ValueAsync(Guid tenantId, string feature) =>
        fixture.InTenantAsync(tenantId, sp => sp.GetRequiredService<IFeatureChecker>().GetAsync(feature));

    private Task<bool> EnabledAsync(Guid tenantId, string feature) =>
        fixture.InTenantAsync(tenantId, sp => sp.GetRequiredService<IFeatureChecker>().IsEnabledAsync(feature));

    private Task<long> LimitAsync(Guid tenantId, string feature) =>
        fixture.InTenantAsync(tenantId, sp => sp.GetRequiredService<IFeatureChecker>().GetLimitAsync(feature));
}
