using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Auditing;
using SmbAgent.EntityFrameworkCore;
using SmbAgent.Features;

namespace SmbAgent.Web.Tests.Host;

/// <summary>Editions are data: the platform admin creates them, sets values per value type and deletes unused ones.</summary>
public sealed class EditionPageTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task An_edition_is_created_its_values_saved_by_type_and_deleted_when_unused()
    {
        var code = NewCode();
        using var admin = fixture.CreateBrowser();
        await admin.SignInAsHostAdminAsync();

        var edit = await admin.PostAndRedirectAsync("/Host/Editions/Create", "/Host/Editions/Create", new Dictionary<string, string>
        {
            ["Input.Name"] = code.ToLowerInvariant(),
            ["Input.DisplayName"] = "Gold <plan>",
            ["Input.SortOrder"] = "7",
        });
        var values = ValidValues();
        values["Input.DisplayName"] = "Gold plan";
        values["Input.SortOrder"] = "8";
        values[$"Input.Values[{SmbFeatures.Voice.Agent}]"] = "true";
        values[$"Input.Values[{SmbFeatures.Leads.MaxQuestions}]"] = "12";
        values[$"Input.Values[{SmbFeatures.Analytics.Level}]"] = SmbFeatures.Analytics.Full;
        await admin.PostAndRedirectAsync(edit, edit, values);
        var saved = HostConsole.Parse((await admin.GetPageAsync(edit)).Html);
        var id = edit.Split('/')[^1];
        var list = (await admin.GetPageAsync("/Host/Editions")).Html;
        await admin.PostAndRedirectAsync("/Host/Editions", $"/Host/Editions?handler=Delete&id={id}", new Dictionary<string, string>());

        list.ShouldContain($"<code>{code}</code>");
        saved.QuerySelector("#value-Voice-Agent")!.HasAttribute("checked").ShouldBeTrue();
        saved.QuerySelector("#value-Notifications-Sms")!.HasAttribute("checked").ShouldBeFalse();
        saved.QuerySelector("#value-Leads-MaxQuestions")!.GetAttribute("value").ShouldBe("12");
        saved.QuerySelector("#value-Analytics-Level option[selected]")!.TextContent.ShouldBe(SmbFeatures.Analytics.Full);
        saved.QuerySelector("#Input_DisplayName")!.GetAttribute("value").ShouldBe("Gold plan");
        (await admin.GetPageAsync("/Host/Editions")).Html.ShouldNotContain($"<code>{code}</code>");
        (await admin.GetAsync(edit)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await fixture.Factory.AuditEntriesAsync(AuditActions.EditionSaved)).Count(e => e.Details!.Contains(code, StringComparison.Ordinal)).ShouldBe(2);
        (await fixture.Factory.AuditEntriesAsync(AuditActions.EditionDeleted)).ShouldContain(e => e.Details == $"edition {code}");
    }

    [Fact]
    public async Task Values_that_do_not_fit_their_type_are_refused_next_to_the_field_and_nothing_is_saved()
    {
        var code = NewCode();
        using var admin = fixture.CreateBrowser();
        await admin.SignInAsHostAdminAsync();
        var edit = await admin.PostAndRedirectAsync("/Host/Editions/Create", "/Host/Editions/Create", new Dictionary<string, string>
        {
            ["Input.Name"] = code,
            ["Input.DisplayName"] = "Silver",
            ["Input.SortOrder"] = "5",
        });
        var values = ValidValues();
        values[$"Input.Values[{SmbFeatures.Leads.MaxQuestions}]"] = "-3";
        values[$"Input.Values[{SmbFeatures.Analytics.Level}]"] = "everything";
        values[$"Input.Values[{SmbFeatures.Voice.Agent}]"] = "true";

        using var response = await admin.PostFormAsync(edit, edit, values);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = HostConsole.Parse(await response.Content.ReadAsStringAsync());
        html.QuerySelector("#value-Leads-MaxQuestions")!.ParentElement!.QuerySelector("[role=alert]")!.TextContent
            .ShouldBe("Lead-capture questions: enter a whole number from 0 to 1000.");
        html.QuerySelector("#value-Analytics-Level")!.ParentElement!.QuerySelector("[role=alert]")!.TextContent
            .ShouldBe("Analytics: choose one of none, basic, full.");
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmbAgentDbContext>();
        var editionId = Guid.Parse(edit.Split('/')[^1]);
        (await db.FeatureValues.CountAsync(v => v.ProviderKey == editionId)).ShouldBe(0);
    }

    [Fact]
    public async Task A_duplicate_or_malformed_code_is_refused()
    {
        using var admin = fixture.CreateBrowser();
        await admin.SignInAsHostAdminAsync();

        using var duplicate = await admin.PostFormAsync("/Host/Editions/Create", "/Host/Editions/Create", new Dictionary<string, string>
        {
            ["Input.Name"] = "pro",
            ["Input.DisplayName"] = "Another pro",
            ["Input.SortOrder"] = "9",
        });
        using var malformed = await admin.PostFormAsync("/Host/Editions/Create", "/Host/Editions/Create", new Dictionary<string, string>
        {
            ["Input.Name"] = "<script>",
            ["Input.DisplayName"] = string.Empty,
            ["Input.SortOrder"] = "9",
        });

        HostConsole.Parse(await duplicate.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for='Input.Name']")!
            .TextContent.ShouldBe("An edition with the code PRO already exists.");
        var html = HostConsole.Parse(await malformed.Content.ReadAsStringAsync());
        html.QuerySelector("[data-valmsg-for='Input.Name']")!.TextContent.ShouldContain("Use letters, digits and underscores");
        html.QuerySelector("[data-valmsg-for='Input.DisplayName']")!.TextContent.ShouldBe("Enter a display name.");
    }

    [Fact]
    public async Task An_edition_in_use_is_not_deleted_and_the_admin_is_told_why()
    {
        var code = NewCode();
        using var admin = fixture.CreateBrowser();
        await admin.SignInAsHostAdminAsync();
        var edit = await admin.PostAndRedirectAsync("/Host/Editions/Create", "/Host/Editions/Create", new Dictionary<string, string>
        {
            ["Input.Name"] = code,
            ["Input.DisplayName"] = "Bronze",
            ["Input.SortOrder"] = "4",
        });
        var id = edit.Split('/')[^1];
        var tenant = await fixture.CreateTenantAsync();
        var tenantEdit = $"/Host/Tenants/Edit/{tenant.TenantId}";
        await admin.PostAndRedirectAsync(tenantEdit, tenantEdit + "?handler=Details", new Dictionary<string, string>
        {
            ["Input.Name"] = tenant.Name,
            ["Input.EditionId"] = id,
        });

        await admin.PostAndRedirectAsync("/Host/Editions", $"/Host/Editions?handler=Delete&id={id}", new Dictionary<string, string>());
        var list = HostConsole.Parse((await admin.GetPageAsync("/Host/Editions")).Html);

        list.QuerySelector("#edition-error")!.TextContent.ShouldBe("Bronze is used by 1 tenant. Move them to another edition before deleting it.");
        list.QuerySelector($"tr[data-edition='{code}'] td:nth-child(4)")!.TextContent.ShouldBe("1");
        (await admin.GetAsync(edit)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static string NewCode() => "T" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();

    /// <summary>Every feature with a valid value, as the edit form posts them (toggles unchecked: only the hidden "false").</summary>
    private static Dictionary<string, string> ValidValues()
    {
        var values = new Dictionary<string, string> { ["Input.DisplayName"] = "Edition", ["Input.SortOrder"] = "5" };
        foreach (var feature in SmbFeatureDefinitions.All)
        {
            values[$"Input.Values[{feature.Name}]"] = feature.IsToggle ? "false" : feature.DefaultValue;
        }

        return values;
    }
}
