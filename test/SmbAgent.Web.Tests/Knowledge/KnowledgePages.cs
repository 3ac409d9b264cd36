using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmbAgent.EntityFrameworkCore;
using SmbAgent.KnowledgeBase;
using SmbAgent.Web.Tests.Workspace;

namespace SmbAgent.Web.Tests.Knowledge;

/// <summary>Drives the knowledge base pages as a browser would and reads what they show.</summary>
public static class KnowledgePages
{
    public const string ListPath = "/Workspace/Knowledge";
    public const string TestPath = "/Workspace/Knowledge/Test";

    public static string DetailsPath(Guid id) => $"/Workspace/Knowledge/Details/{id}";

    /// <summary>Opens an add page (AddFaq, AddText, AddUrl), fills its form and posts it.</summary>
    public static async Task<HttpResponseMessage> AddAsync(Browser browser, string page, params (string Field, string Value)[] values)
    {
        var path = $"/Workspace/Knowledge/{page}";
        var form = HtmlForm.Parse(await browser.OpenAsync(path), "form.card", path);
        foreach (var (field, value) in values)
        {
            form.Set(field, value);
        }

        return await form.PostAsync(browser);
    }

    /// <summary>Opens the PDF page and posts its form with <paramref name="content"/> as the file.</summary>
    public static async Task<HttpResponseMessage> UploadPdfAsync(Browser browser, byte[] content, string fileName, string? title = null)
    {
        const string path = "/Workspace/Knowledge/AddPdf";
        var token = Browser.AntiforgeryToken(await browser.OpenAsync(path));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(title ?? string.Empty), "Input.Title" },
            { new StringContent("en"), "Input.Language" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "Input.File", fileName);
        return await browser.Client.PostAsync(new Uri(path, UriKind.Relative), form);
    }

    /// <summary>Posts one of the list's manage buttons (Delete, Retry, Refetch) with a valid antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostListActionAsync(Browser browser, string handler, Guid id)
    {
        var token = Browser.AntiforgeryToken(await browser.OpenAsync(ListPath));
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        return await browser.Client.PostAsync(new Uri($"{ListPath}?handler={handler}&id={id}", UriKind.Relative), content);
    }

    public static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>The list's row of the source titled <paramref name="title"/>.</summary>
    public static IElement Row(string listHtml, string title) =>
        Parse(listHtml).QuerySelectorAll("#knowledge-sources tr.source-row")
            .SingleOrDefault(r => r.QuerySelector(".source-title > a")!.TextContent.Trim() == title)
        ?? throw new ShouldAssertException($"No row titled '{title}' in: {listHtml}");

    public static string StatusOf(IElement row) => row.QuerySelector(".source-status .badge")!.TextContent.Trim();

    public static Task<KnowledgeSource?> SourceAsync(this WebHostFactory factory, Guid tenantId, string title) =>
        factory.InTenantAsync(tenantId, sp =>
            sp.GetRequiredService<SmbAgentDbContext>().KnowledgeSources.AsNoTracking().SingleOrDefaultAsync(s => s.Title == title));

    public static Task<int> SourceCountAsync(this WebHostFactory factory, Guid tenantId) =>
        factory.InTenantAsync(tenantId, sp => sp.GetRequiredService<SmbAgentDbContext>().KnowledgeSources.CountAsync());

    public static void ShouldRedirectToList(this HttpResponseMessage response, string because) =>
        (response.StatusCode, response.Headers.Location?.OriginalString).ShouldBe((HttpStatusCode.Redirect, ListPath), because);
}
