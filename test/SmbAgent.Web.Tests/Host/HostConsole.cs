using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.Auditing;
using SmbAgent.Data;
using SmbAgent.EntityFrameworkCore;
using SmbAgent.Tenancy;
using SmbAgent.TestKit;

namespace SmbAgent.Web.Tests.Host;

/// <summary>Helpers for driving the host console's pages over HTTP.</summary>
internal static class HostConsole
{
    public static Task SignInAsHostAdminAsync(this Browser browser) =>
        browser.SignInAsync(business: null, TestSettings.HostAdminEmail, TestSettings.HostAdminPassword);

    /// <summary>GETs <paramref name="formPage"/> for its antiforgery token, then posts <paramref name="fields"/> to <paramref name="action"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this Browser browser, string formPage, string action, IDictionary<string, string> fields)
    {
        var page = await browser.GetPageAsync(formPage);
        page.Status.ShouldBe(HttpStatusCode.OK, page.Html);
        var all = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = Browser.AntiforgeryToken(page.Html) };
        using var form = new FormUrlEncodedContent(all);
        return await browser.Client.PostAsync(new Uri(action, UriKind.Relative), form);
    }

    /// <summary>Posts and expects the redirect that follows a successful change; returns where it points.</summary>
    public static async Task<string> PostAndRedirectAsync(this Browser browser, string formPage, string action, IDictionary<string, string> fields)
    {
        using var response = await browser.PostFormAsync(formPage, action, fields);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return response.Headers.Location.ShouldNotBeNull().OriginalString;
    }

    public static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>Audit entries of every tenant and the host, newest first.</summary>
    public static async Task<List<AuditLogEntry>> AuditEntriesAsync(this WebHostFactory factory, string action)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmbAgentDbContext>();
        using (scope.ServiceProvider.GetRequiredService<IDataFilter>().Disable<IMultiTenant>())
        {
            return await db.AuditLogEntries.AsNoTracking().Where(e => e.Action == action).OrderByDescending(e => e.Time).ToListAsync();
        }
    }

    public static async Task<Tenant> TenantAsync(this WebHostFactory factory, Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SmbAgentDbContext>().Tenants.AsNoTracking().SingleAsync(t => t.Id == id);
    }

    public static async Task<Guid> EditionIdAsync(this WebHostFactory factory, string name)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SmbAgentDbContext>().Editions.Where(e => e.Name == name).Select(e => e.Id).SingleAsync();
    }
}
