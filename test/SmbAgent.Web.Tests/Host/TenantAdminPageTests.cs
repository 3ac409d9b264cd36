using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Auditing;
using SmbAgent.Features;
using SmbAgent.Tenancy;
using SmbAgent.TestKit;

namespace SmbAgent.Web.Tests.Host;

/// <summary>The platform admin's tenant pages: list, create, edit, edition, status and feature overrides.</summary>
public sealed class TenantAdminPageTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task The_list_searches_by_name_ignoring_case_and_pages_by_20()
    {
        var prefix = Names.Business("Pg").Replace(" ", string.Empty, StringComparison.Ordinal);
        for (var i = 0; i < 21; i++)
        {
            await fixture.CreateTenantAsync($"{prefix} {i:00}");
        }

        await fixture.CreateTenantAsync();
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsHostAdminAsync();

        var first = HostConsole.Parse((await browser.GetPageAsync($"/Host/Tenants?q={prefix.ToLowerInvariant()}")).Html);
        var second = HostConsole.Parse((await browser.GetPageAsync($"/Host/Tenants?q={prefix.ToLowerInvariant()}&p=2")).Html);

        var firstNames = first.QuerySelectorAll("#tenants tbody td:first-child a").Select(a => a.TextContent).ToList();
        firstNames.Count.ShouldBe(20);
        firstNames.ShouldAllBe(n => n.StartsWith(prefix, StringComparison.Ordinal));
        firstNames.ShouldBe(firstNames.Order(StringComparer.OrdinalIgnoreCase).ToList());
        first.QuerySelector("#tenant-count")!.TextContent.ShouldBe("21 tenants");
        first.QuerySelectorAll(".pagination a.page-link").Select(a => a.TextContent).ShouldContain("2");
        second.QuerySelectorAll("#tenants tbody td:first-child a").Select(a => a.TextContent).ShouldBe([$"{prefix} 20"]);
    }

    [Fact]
    public async Task The_list_sorts_by_creation_time_newest_first_and_shows_edition_status_and_user_count()
    {
        var prefix = Names.Business("Srt").Replace(" ", string.Empty, StringComparison.Ordinal);
        var older = await fixture.CreateTenantAsync($"{prefix} a");
        var newer = await fixture.CreateTenantAsync($"{prefix} b");
        using var browser = fixture.CreateBrowser();
        await browser.SignInAsHostAdminAsync();

        var byName = HostConsole.Parse((await browser.GetPageAsync($"/Host/Tenants?q={prefix}")).Html);
        var byCreated = HostConsole.Parse((await browser.GetPageAsync($"/Host/Tenants?q={prefix}&sort=CreatedDescending")).Html);

        byName.QuerySelectorAll("#tenants tbody tr td:first-child").Select(td => td.TextContent).ShouldBe([older.Name, newer.Name]);
        byCreated.QuerySelectorAll("#tenants tbody tr td:first-child").Select(td => td.TextContent).ShouldBe([newer.Name, older.Name]);
        var row = byCreated.QuerySelectorAll("#tenants tbody tr")[1].QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        row[1].ShouldBe("Free");
        row[2].ShouldBe("Active");
        row[4].ShouldBe("1");
        var ascending = HostConsole.Parse((await browser.GetPageAsync($"/Host/Tenants?q={prefix}&sort=Created")).Html);
        ascending.QuerySelectorAll("#tenants tbody tr td:first-child").Select(td => td.TextContent).ShouldBe([older.Name, newer.Name]);
    }

    [Fact]
    public async Task Creating_a_tenant_makes_an_owner_who_can_sign_in_and_is_audited_on_the_host()
    {
        var name = Names.Business("New");
        var email = $"owner-{Guid.NewGuid():N}@example.com";
        var password = Passwords.New();
        using var admin = fixture.CreateBrowser();
        await admin.SignInAsHostAdminAsync();

        var location = await admin.PostAndRedirectAsync("/Host/Tenants/Create", "/Host/Tenants/Create", new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Edition"] = EditionMatrix.Basic,
            ["Input.OwnerEmail"] = email,
            ["Input.OwnerPassword"] = password,
        });

        location.ShouldStartWith("/Host/Tenants/Edit/");
        var edit = await admin.GetPageAsync(location);
        edit.Html.ShouldContain($"<h1 class=\"h3 mb-0\">{Browser.Html(name)}</h1>");
        using var owner = fixture.CreateBrowser();
        await owner.SignInAsync(name, email, password);
        var created = (await fixture.Factory.AuditEntriesAsync(AuditActions.TenantCreated)).First(e => e.Details!.Contains(name, StringComparison.Ordinal));
        created.TenantId.ShouldBeNull();
        created.UserName.ShouldBe(TestSettings.HostAdminEmail);
    }

    [Fact]
    public async Task A_duplicate_name_or_bad_input_is_shown_next_to_the_fields()
    {
        var existing = await fixture.CreateTenantAsync();
        using var admin = fixture.CreateBrowser();
        await admin.SignInAsHostAdminAsync();

        using var duplicate = await admin.PostFormAsync("/Host/Tenants/Create", "/Host/Tenants/Create", new Dictionary<string, string>
        {
            ["Input.Name"] = existing.Name.ToUpperInvariant(),
            ["Input.Edition"] = EditionMatrix.Free,
            ["Input.OwnerEmail"] = "someone@example.com",
            ["Input.OwnerPassword"] = Passwords.New(),
        });
        using var invalid = await admin.PostFormAsync("/Host/Tenants/Create", "/Host/Tenants/Create", new Dictionary<string, string>
        {
            ["Input.Name"] = string.Empty,
            ["Input.Edition"] = "NOPE",
            ["Input.OwnerEmail"] = "not-an-email",
            ["Input.OwnerPassword"] = "x",
        });

        duplicate.StatusCode.ShouldBe(HttpStatusCode.OK);
        var duplicateHtml = HostConsole.Parse(await duplicate.Content.ReadAsStringAsync());
        duplicateHtml.QuerySelector("[data-valmsg-for='Input.Name']")!.TextContent.ShouldContain("already exists");
        invalid.StatusCode.ShouldBe(HttpStatusCode.OK);
        var invalidHtml = HostConsole.Parse(await invalid.Content.ReadAsStringAsync());
        invalidHtml.QuerySelector("[data-valmsg-for='Input.Name']")!.TextContent.ShouldBe("Enter the business name.");
        invalidHtml.QuerySelector("[data-valmsg-for='Input.Edition']")!.TextContent.ShouldBe("Choose an edition.");
        invalidHtml.QuerySelector("[data-valmsg-for='Input.OwnerEmail']")!.TextContent.ShouldBe("Enter a valid email address.");
    }

    [Fact]
    public async Task Renaming_to_another_tenants_name_is_refused_and_a_free_name_is_saved()
    {
        var tenant = await fixture.CreateTenantAsync();
        var other = await fixture.CreateTenantAsync();
        var free = await fixture.Factory.EditionIdAsync(EditionMatrix.Free);
        using var admin = fixture.CreateBrowser();
        await admin.SignInAsHostAdminAsync();
        var edit = $"/Host/Tenants/Edit/{tenant.TenantId}";

        using var refused = await admin.PostFormAsync(edit, edit + "?handler=Details", new Dictionary<string, string>
        {
            ["Input.Name"] = other.Name,
            ["Input.EditionId"] = free.ToString(),
        });
        var renamed = Names.Business("Renamed");
        await admin.PostAndRedirectAsync(edit, edit + "?handler=Details", new Dictionary<string, string>
        {
            ["Input.Name"] = renamed,
            ["Input.EditionId"] = free.ToString(),
        });

        HostConsole.Parse(await refused.Content.ReadAsStringAsync())
            .QuerySelector("[data-valmsg-for='Input.Name']")!.TextContent.ShouldContain("already exists");
        (await fixture.Factory.TenantAsync(tenant.TenantId)).Name.ShouldBe(renamed);
        (await fixture.Factory.AuditEntriesAsync(AuditActions.TenantUpdated)).ShouldContain(e => e.Details!.Contains(renamed, StringComparison.Ordinal));
        using var owner = fixture.CreateBrowser();
        await owner.SignInAsync(renamed, tenant.Email, tenant.Password);
    }

    [Fact]
    public async Task Moving_a_tenant_to_pro_turns_the_voice_agent_on_at_once_and_is_audited()
    {
        var tenant = await fixture.CreateTenantAsync();
        (await IsEnabledForAsync(tenant.TenantId, SmbFeatures.Voice.Agent)).ShouldBeFalse("FREE has no voice agent (and the value is now cached)");
        using var admin = fixture.CreateBrowser();
        await admin.SignInAsHostAdminAsync();
        var edit = $"/Host/Tenants/Edit/{tenant.TenantId}";

        await admin.PostAndRedirectAsync(edit, edit + "?handler=Details", new Dictionary<string, string>
        {
            ["Input.Name"] = tenant.Name,
            ["Input.EditionId"] = (await fixture.Factory.EditionIdAsync(EditionMatrix.Pro)).ToString(),
        });

        (await IsEnabledForAsync(tenant.TenantId, SmbFeatures.Voice.Agent)).ShouldBeTrue();
        var audit = (await fixture.Factory.AuditEntriesAsync(AuditActions.EditionChanged)).First(e => e.Details!.Contains(tenant.Name, StringComparison.Ordinal));
        audit.Details.ShouldEndWith("FREE → PRO");
        audit.TenantId.ShouldBeNull();
    }

    [Fact]
    public async Task A_feature_override_applies_to_one_tenant_and_use_edition_value_removes_it()
    {
        var tenant = await fixture.CreateTenantAsync();
        var neighbour = await fixture.CreateTenantAsync();
        using var admin = fixture.CreateBrowser();
        await admin.SignInAsHostAdminAsync();
        var edit = $"/Host/Tenants/Edit/{tenant.TenantId}";

        await admin.PostAndRedirectAsync(edit, edit + "?handler=Feature", new Dictionary<string, string>
        {
            ["feature"] = SmbFeatures.Notifications.Sms,
            ["value"] = "true",
        });
        var overridden = HostConsole.Parse((await admin.GetPageAsync(edit)).Html);
        var smsOn = await IsEnabledForAsync(tenant.TenantId, SmbFeatures.Notifications.Sms);
        var neighbourSms = await IsEnabledForAsync(neighbour.TenantId, SmbFeatures.Notifications.Sms);
        await admin.PostAndRedirectAsync(edit, edit + "?handler=Feature", new Dictionary<string, string>
        {
            ["feature"] = SmbFeatures.Notifications.Sms,
            ["value"] = "false",
            ["reset"] = "true",
        });
        var reset = HostConsole.Parse((await admin.GetPageAsync(edit)).Html);

        smsOn.ShouldBeTrue();
        neighbourSms.ShouldBeFalse();
        overridden.QuerySelector($"[data-feature='{SmbFeatures.Notifications.Sms}'] [data-source]")!.GetAttribute("data-source").ShouldBe("override");
        overridden.QuerySelector($"[data-feature='{SmbFeatures.Notifications.Sms}'] input[type=checkbox]")!.HasAttribute("checked").ShouldBeTrue();
        overridden.QuerySelector($"[data-feature='{SmbFeatures.Chat.Widget}'] [data-source]")!.GetAttribute("data-source").ShouldBe("edition");
        (await IsEnabledForAsync(tenant.TenantId, SmbFeatures.Notifications.Sms)).ShouldBeFalse();
        reset.QuerySelector($"[data-feature='{SmbFeatures.Notifications.Sms}'] [data-source]")!.GetAttribute("data-source").ShouldBe("edition");
        (await fixture.Factory.AuditEntriesAsync(AuditActions.FeatureOverridden))
            .Count(e => e.Details!.Contains(tenant.Name, StringComparison.Ordinal)).ShouldBe(2);
    }

    [Fact]
    public async Task An_override_that_does_not_fit_the_feature_type_is_refused_with_a_message()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var admin = fixture.CreateBrowser();
        await admin.SignInAsHostAdminAsync();
        var edit = $"/Host/Tenants/Edit/{tenant.TenantId}";

        using var response = await admin.PostFormAsync(edit, edit + "?handler=Feature", new Dictionary<string, string>
        {
            ["feature"] = SmbFeatures.Leads.MaxQuestions,
            ["value"] = "<b>lots</b>",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        HostConsole.Parse(html).QuerySelector($"[data-feature='{SmbFeatures.Leads.MaxQuestions}'] [role=alert]")!
            .TextContent.ShouldBe("Lead-capture questions: enter a whole number from 0 to 1000.");
        html.ShouldNotContain("<b>lots</b>");
        (await fixture.Factory.AuditEntriesAsync(AuditActions.FeatureOverridden)).ShouldNotContain(e => e.Details!.Contains(tenant.Name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_deactivated_tenants_users_are_refused_until_it_is_reactivated()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var owner = fixture.CreateBrowser();
        await owner.SignInAsync(tenant);
        using var admin = fixture.CreateBrowser();
        await admin.SignInAsHostAdminAsync();
        var edit = $"/Host/Tenants/Edit/{tenant.TenantId}";

        await admin.PostAndRedirectAsync(edit, edit + "?handler=Deactivate", new Dictionary<string, string>());
        using (var refused = await owner.GetAsync("/"))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        var listed = HostConsole.Parse((await admin.GetPageAsync($"/Host/Tenants?q={Uri.EscapeDataString(tenant.Name)}")).Html);
        await admin.PostAndRedirectAsync(edit, edit + "?handler=Reactivate", new Dictionary<string, string>());
        using var again = fixture.CreateBrowser();
        await again.SignInAsync(tenant);

        listed.QuerySelector("#tenants tbody tr td:nth-child(3)")!.TextContent.Trim().ShouldBe("Inactive");
        (await again.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await fixture.Factory.AuditEntriesAsync(AuditActions.TenantDeactivated)).ShouldContain(e => e.Details == $"tenant {tenant.Name}");
        (await fixture.Factory.AuditEntriesAsync(AuditActions.TenantReactivated)).ShouldContain(e => e.Details == $"tenant {tenant.Name}");
    }

    [Fact]
    public async Task An_unknown_tenant_id_is_404()
    {
        using var admin = fixture.CreateBrowser();
        await admin.SignInAsHostAdminAsync();

        var page = await admin.GetPageAsync($"/Host/Tenants/Edit/{Guid.NewGuid()}");

        page.Status.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<bool> IsEnabledForAsync(Guid tenantId, string feature)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId))
        {
            return await scope.ServiceProvider.GetRequiredService<IFeatureChecker>().IsEnabledAsync(feature);
        }
    }
}
