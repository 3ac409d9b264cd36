using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.ApiKeys;
using SmbAgent.Conversations;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.Leads;
using SmbAgent.Tenancy;
using SmbAgent.TestKit;

namespace SmbAgent.HttpApi.Tests.RestApi;

/// <summary>The REST API's walls: the key decides the business and what it may do; the plan decides whether it may call at all.</summary>
public sealed class RestApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static readonly DateTimeOffset March10 = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(null)]
    [InlineData("sk_live_abcdefgh_notarealsecretnotarealsecretnotarealsecret1")]
    [InlineData("not-a-key")]
    public async Task A_missing_or_wrong_key_is_refused_with_401_problem_json(string? key)
    {
        var owner = await fixture.CreateProTenantAsync();
        var real = await fixture.CreateKeyAsync(owner.TenantId);
        using var client = fixture.Factory.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        using var response = await client.GetAsync("/api/v1/leads");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldNotContain(real.Key);
    }

    [Fact]
    public async Task A_key_with_a_right_prefix_but_wrong_secret_is_refused()
    {
        var owner = await fixture.CreateProTenantAsync();
        var real = await fixture.CreateKeyAsync(owner.TenantId);
        var forged = real.Key[..^4] + (real.Key.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        using var client = fixture.ClientWithKey(forged);

        using var response = await client.GetAsync("/api/v1/leads");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_at_once()
    {
        var owner = await fixture.CreateProTenantAsync();
        var key = await fixture.CreateKeyAsync(owner.TenantId);
        using var client = fixture.ClientWithKey(key.Key);
        using var before = await client.GetAsync("/api/v1/leads");

        await fixture.Factory.Services.InTenantAsync(owner.TenantId, sp => sp.GetRequiredService<ApiKeyAppService>().RevokeAsync(key.ApiKey.Id));
        using var after = await client.GetAsync("/api/v1/leads");

        before.StatusCode.ShouldBe(HttpStatusCode.OK);
        after.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_key_reads_only_its_own_business_and_another_businesss_lead_is_not_found()
    {
        var mine = await fixture.CreateProTenantAsync();
        var other = await fixture.CreateProTenantAsync();
        var myLead = await fixture.AddLeadAsync(mine.TenantId, LeadStatus.New, LeadPriority.Normal, March10, "Mine");
        var otherLead = await fixture.AddLeadAsync(other.TenantId, LeadStatus.New, LeadPriority.Normal, March10, "Theirs");
        var key = await fixture.CreateKeyAsync(mine.TenantId, ApiKeyScope.ReadWrite);
        using var client = fixture.ClientWithKey(key.Key);

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/leads");
        using var foreign = await client.GetAsync($"/api/v1/leads/{otherLead}");
        using var foreignPatch = await client.PatchAsJsonAsync($"/api/v1/leads/{otherLead}", new { status = "Won" });

        Ids(list).ShouldBe([myLead]);
        foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        foreignPatch.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await StatusOfAsync(other.TenantId, otherLead)).ShouldBe(LeadStatus.New);
    }

    [Fact]
    public async Task The_business_comes_from_the_key_only_whatever_tenant_the_request_names()
    {
        var mine = await fixture.CreateProTenantAsync();
        var other = await fixture.CreateProTenantAsync();
        var myLead = await fixture.AddLeadAsync(mine.TenantId, LeadStatus.New, LeadPriority.Normal, March10, "Mine");
        await fixture.AddLeadAsync(other.TenantId, LeadStatus.New, LeadPriority.Normal, March10, "Theirs");
        var key = await fixture.CreateKeyAsync(mine.TenantId);
        using var client = fixture.ClientWithKey(key.Key);
        client.DefaultRequestHeaders.Add(BrowserNamedTenant.HeaderName, other.TenantId.ToString());
        client.DefaultRequestHeaders.Add(BrowserNamedTenant.Key, other.Name);

        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/leads?{BrowserNamedTenant.Key}={other.TenantId}");

        Ids(list).ShouldBe([myLead]);
    }

    [Fact]
    public async Task A_signed_in_users_bearer_token_is_not_an_api_key()
    {
        var owner = await fixture.CreateProTenantAsync();
        using var client = await fixture.ClientForAsync(owner);

        using var response = await client.GetAsync("/api/v1/leads");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_read_key_cannot_write_but_a_read_write_key_changes_status_and_notes()
    {
        var owner = await fixture.CreateProTenantAsync();
        var lead = await fixture.AddLeadAsync(owner.TenantId, LeadStatus.New, LeadPriority.Normal, March10, "Ana");
        using var reader = fixture.ClientWithKey((await fixture.CreateKeyAsync(owner.TenantId)).Key);
        using var writer = fixture.ClientWithKey((await fixture.CreateKeyAsync(owner.TenantId, ApiKeyScope.ReadWrite)).Key);

        using var refused = await reader.PatchAsJsonAsync($"/api/v1/leads/{lead}", new { status = "Won" });
        using var refusedSource = await reader.PostAsJsonAsync("/api/v1/knowledge/sources/text", new { title = "Hours", text = "We open at eight." });
        var statusAfterRefusal = await StatusOfAsync(owner.TenantId, lead);
        using var notes = await writer.PatchAsJsonAsync($"/api/v1/leads/{lead}", new { notes = "Called back" });
        using var status = await writer.PatchAsJsonAsync($"/api/v1/leads/{lead}", new { status = "Contacted" });

        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        refusedSource.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        statusAfterRefusal.ShouldBe(LeadStatus.New);
        notes.StatusCode.ShouldBe(HttpStatusCode.OK, await notes.Content.ReadAsStringAsync());
        var updated = await status.Content.ReadFromJsonAsync<JsonElement>();
        updated.GetProperty("status").GetString().ShouldBe("Contacted");
        updated.GetProperty("ownerNotes").GetString().ShouldBe("Called back");
        (await StatusOfAsync(owner.TenantId, lead)).ShouldBe(LeadStatus.Contacted);
    }

    [Fact]
    public async Task A_read_write_key_adds_a_text_source_and_lists_it()
    {
        var owner = await fixture.CreateProTenantAsync();
        using var writer = fixture.ClientWithKey((await fixture.CreateKeyAsync(owner.TenantId, ApiKeyScope.ReadWrite)).Key);

        using var created = await writer.PostAsJsonAsync("/api/v1/knowledge/sources/text", new { title = "Opening hours", text = "We open at eight and close at six." });
        using var invalid = await writer.PostAsJsonAsync("/api/v1/knowledge/sources/text", new { title = "", text = "" });
        var sources = await writer.GetFromJsonAsync<JsonElement>("/api/v1/knowledge/sources");

        created.StatusCode.ShouldBe(HttpStatusCode.Accepted, await created.Content.ReadAsStringAsync());
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        invalid.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        sources.EnumerateArray().Select(s => s.GetProperty("title").GetString()).ShouldBe(["Opening hours"]);
    }

    [Fact]
    public async Task A_business_whose_plan_lacks_the_api_is_refused_with_403_naming_the_feature()
    {
        var owner = await fixture.CreateProTenantAsync();
        var key = await fixture.CreateKeyAsync(owner.TenantId);
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<FeatureManager>().SetForTenantAsync(owner.TenantId, SmbFeatures.Platform.ApiAccess, "false");
        }

        using var client = fixture.ClientWithKey(key.Key);
        using var response = await client.GetAsync("/api/v1/leads");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("feature").GetString().ShouldBe(SmbFeatures.Platform.ApiAccess);
    }

    [Fact]
    public async Task A_deactivated_business_is_refused()
    {
        var owner = await fixture.CreateProTenantAsync();
        var key = await fixture.CreateKeyAsync(owner.TenantId);
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ISmbAgentDbContext>();
            await db.Tenants.Where(t => t.Id == owner.TenantId).ExecuteUpdateAsync(s => s.SetProperty(t => t.IsActive, false));
            await scope.ServiceProvider.GetRequiredService<ITenantStore>().InvalidateAsync(owner.TenantId);
        }

        using var client = fixture.ClientWithKey(key.Key);
        using var response = await client.GetAsync("/api/v1/leads");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Leads_page_and_filter_by_status_priority_and_creation_day()
    {
        var owner = await fixture.CreateProTenantAsync();
        var first = await fixture.AddLeadAsync(owner.TenantId, LeadStatus.New, LeadPriority.Normal, March10, "First");
        var second = await fixture.AddLeadAsync(owner.TenantId, LeadStatus.Won, LeadPriority.Urgent, March10.AddDays(1), "Second");
        var third = await fixture.AddLeadAsync(owner.TenantId, LeadStatus.New, LeadPriority.Urgent, March10.AddDays(2), "Third");
        using var client = fixture.ClientWithKey((await fixture.CreateKeyAsync(owner.TenantId)).Key);

        var page1 = await client.GetFromJsonAsync<JsonElement>("/api/v1/leads?page=1&pageSize=2");
        var page2 = await client.GetFromJsonAsync<JsonElement>("/api/v1/leads?page=2&pageSize=2");
        var won = await client.GetFromJsonAsync<JsonElement>("/api/v1/leads?status=Won");
        var urgentNew = await client.GetFromJsonAsync<JsonElement>("/api/v1/leads?status=New&priority=Urgent");
        var days = await client.GetFromJsonAsync<JsonElement>("/api/v1/leads?createdFrom=2026-03-10&createdTo=2026-03-11");
        using var badStatus = await client.GetAsync("/api/v1/leads?status=Nope");

        Ids(page1).ShouldBe([third, second]);
        page1.GetProperty("leads").GetProperty("totalCount").GetInt32().ShouldBe(3);
        Ids(page2).ShouldBe([first]);
        Ids(won).ShouldBe([second]);
        Ids(urgentNew).ShouldBe([third]);
        Ids(days).ShouldBe([second, first]);
        badStatus.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_lead_and_its_conversation_are_read_with_their_messages_and_the_keys_last_use_is_recorded()
    {
        var owner = await fixture.CreateProTenantAsync();
        var lead = await fixture.AddLeadAsync(owner.TenantId, LeadStatus.New, LeadPriority.Normal, March10, "Ana");
        var key = await fixture.CreateKeyAsync(owner.TenantId);
        using var client = fixture.ClientWithKey(key.Key);

        var details = await client.GetFromJsonAsync<JsonElement>($"/api/v1/leads/{lead}");
        var conversationId = details.GetProperty("lead").GetProperty("conversationId").GetGuid();
        var conversations = await client.GetFromJsonAsync<JsonElement>("/api/v1/conversations");
        var conversation = await client.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{conversationId}");
        var calls = await client.GetFromJsonAsync<JsonElement>("/api/v1/calls");

        details.GetProperty("lead").GetProperty("contactName").GetString().ShouldBe("Ana");
        conversations.GetProperty("conversations").GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ShouldBe([conversationId]);
        conversation.GetProperty("transcript").EnumerateArray().Select(m => m.GetProperty("text").GetString()).ShouldBe(["Ana needs a plumber."]);
        calls.GetProperty("calls").GetProperty("totalCount").GetInt32().ShouldBe(0);
        var keys = await fixture.Factory.Services.InTenantAsync(owner.TenantId, sp => sp.GetRequiredService<ApiKeyAppService>().GetListAsync());
        keys.ShouldHaveSingleItem().LastUsedTime.ShouldNotBeNull();
    }

    private static Guid[] Ids(JsonElement list) =>
        [.. list.GetProperty("leads").GetProperty("items").EnumerateArray().Select(l => l.GetProperty("id").GetGuid())];

    private Task<LeadStatus> StatusOfAsync(Guid tenantId, Guid leadId) =>
        fixture.Factory.Services.InTenantAsync(tenantId, sp =>
            sp.GetRequiredService<ISmbAgentDbContext>().Leads.AsNoTracking().Where(l => l.Id == leadId).Select(l => l.Status).SingleAsync());
}
