using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Data;
using SmbAgent.EntityFrameworkCore;
using SmbAgent.Features;
using SmbAgent.Plans;
using SmbAgent.TestKit;
using SmbAgent.Workspace;

namespace SmbAgent.Application.Tests.Workspace;

/// <summary>The workspace app services over the real database, inside a tenant as the pages call them.</summary>
public sealed class WorkspaceAppServiceTests(CoreFixture fixture) : IClassFixture<CoreFixture>
{
    [Fact]
    public async Task Voice_settings_from_a_plan_without_the_voice_agent_are_refused_and_nothing_is_saved()
    {
        var tenant = await fixture.CreateTenantAsync();

        var refused = await Should.ThrowAsync<FeatureNotEnabledException>(() => fixture.InTenantAsync(tenant.Id, async sp =>
        {
            var service = sp.GetRequiredService<AgentSettingsAppService>();
            var input = (await service.GetAsync()).Input;
            input.AgentName = "Changed";
            input.Voice = AgentVoices.StandardVoices[1];
            await service.UpdateAsync(input);
        }));
        var stored = await fixture.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<SmbAgentDbContext>().AgentSettings.AsNoTracking().SingleAsync());

        refused.FeatureName.ShouldBe(SmbFeatures.Voice.Agent);
        stored.AgentName.ShouldNotBe("Changed");
        stored.Voice.ShouldBe(AgentVoices.StandardVoices[0]);
    }

    [Fact]
    public async Task A_premium_voice_needs_premium_voices_even_with_the_voice_agent()
    {
        var tenant = await fixture.CreateTenantAsync();
        await fixture.InTenantAsync(null, sp => sp.GetRequiredService<FeatureManager>().SetForTenantAsync(tenant.Id, SmbFeatures.Voice.Agent, "true"));

        var refused = await Should.ThrowAsync<FeatureNotEnabledException>(() => fixture.InTenantAsync(tenant.Id, async sp =>
        {
            var service = sp.GetRequiredService<AgentSettingsAppService>();
            var input = (await service.GetAsync()).Input;
            input.Voice = AgentVoices.PremiumVoices[0];
            input.UsePremiumVoice = true;
            await service.UpdateAsync(input);
        }));

        refused.FeatureName.ShouldBe(SmbFeatures.Voice.PremiumVoices);
    }

    [Fact]
    public async Task Reordering_needs_exactly_the_tenants_questions()
    {
        var other = await fixture.CreateTenantAsync();
        var tenant = await fixture.CreateTenantAsync();
        var otherIds = await IdsAsync(other.Id);
        var ids = await IdsAsync(tenant.Id);

        var withForeign = await Should.ThrowAsync<BusinessException>(() => fixture.InTenantAsync(tenant.Id, sp =>
            sp.GetRequiredService<LeadQuestionOrderAppService>().ReorderAsync([.. ids.Skip(1), otherIds[0]])));
        await fixture.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<LeadQuestionOrderAppService>().ReorderAsync([.. ids.AsEnumerable().Reverse()]));

        withForeign.Code.ShouldBe("LeadQuestions:BadOrder");
        (await IdsAsync(tenant.Id)).ShouldBe([.. ids.AsEnumerable().Reverse()]);
        (await IdsAsync(other.Id)).ShouldBe(otherIds);
    }

    [Fact]
    public async Task Renaming_to_another_business_name_is_refused_on_the_name_field()
    {
        var other = await fixture.CreateTenantAsync();
        var tenant = await fixture.CreateTenantAsync();

        var refused = await Should.ThrowAsync<FluentValidation.ValidationException>(() => fixture.InTenantAsync(tenant.Id, async sp =>
        {
            var service = sp.GetRequiredService<BusinessProfileAppService>();
            var input = await service.GetAsync();
            input.Name = $"  {other.Name.ToLowerInvariant()} ";
            await service.UpdateAsync(input);
        }));

        refused.Errors.Select(e => e.PropertyName).ShouldBe(["Name"]);
    }

    [Fact]
    public async Task Changing_the_plan_moves_the_tenant_and_its_features_follow()
    {
        var tenant = await fixture.CreateTenantAsync();
        var pro = await fixture.InTenantAsync(null, sp => sp.GetRequiredService<SmbAgentDbContext>().Editions.SingleAsync(e => e.Name == EditionMatrix.Pro));

        var voiceBefore = await fixture.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<IFeatureChecker>().IsEnabledAsync(SmbFeatures.Voice.Agent));
        await fixture.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<PlanAppService>().ChangeAsync(pro.Id));
        var (voiceAfter, overview) = await fixture.InTenantAsync(tenant.Id, async sp =>
            (await sp.GetRequiredService<IFeatureChecker>().IsEnabledAsync(SmbFeatures.Voice.Agent), await sp.GetRequiredService<PlanAppService>().GetAsync()));

        voiceBefore.ShouldBeFalse();
        voiceAfter.ShouldBeTrue();
        overview.Current!.Name.ShouldBe(EditionMatrix.Pro);
        overview.Editions.Select(e => e.Name).ShouldBe([EditionMatrix.Free, EditionMatrix.Basic, EditionMatrix.Pro]);
    }

    private Task<List<Guid>> IdsAsync(Guid tenantId) =>
        fixture.InTenantAsync(tenantId, sp => sp.GetRequiredService<SmbAgentDbContext>().LeadQuestions.OrderBy(q => q.Position).Select(q => q.Id).ToListAsync());
}
