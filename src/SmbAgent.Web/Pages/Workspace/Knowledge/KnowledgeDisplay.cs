using Microsoft.AspNetCore.Mvc.Rendering;
using SmbAgent.KnowledgeBase;
using SmbAgent.Workspace;

namespace SmbAgent.Web.Pages.Workspace.Knowledge;

/// <summary>How sources are named and labelled on the knowledge base pages.</summary>
public static class KnowledgeDisplay
{
    /// <summary>A fresh list each call: the select tag helper marks the chosen option on the items it is given.</summary>
    public static List<SelectListItem> LanguageOptions() =>
        [.. KnowledgeLanguages.TextSearchConfigurations.Keys.Select(code => new SelectListItem(LanguageName(code), code))];

    public static string LanguageName(string code) => AgentLanguages.All.GetValueOrDefault(code, code);

    public static (string Label, string Icon) Kind(KnowledgeSourceKind kind) => kind switch
    {
        KnowledgeSourceKind.Text => ("Text", "bi-file-text"),
        KnowledgeSourceKind.Markdown => ("Markdown", "bi-markdown"),
        KnowledgeSourceKind.Faq => ("FAQ", "bi-question-circle"),
        KnowledgeSourceKind.Url => ("Web page", "bi-globe"),
        KnowledgeSourceKind.Pdf => ("PDF", "bi-file-earmark-pdf"),
        _ => (kind.ToString(), "bi-file"),
    };

    public static (string Label, string CssClass) Status(KnowledgeSourceStatus status) => status switch
    {
        KnowledgeSourceStatus.Pending => ("Pending", "text-bg-secondary"),
        KnowledgeSourceStatus.Indexing => ("Indexing", "text-bg-info"),
        KnowledgeSourceStatus.Indexed => ("Indexed", "text-bg-success"),
        KnowledgeSourceStatus.Failed => ("Failed", "text-bg-danger"),
        _ => (status.ToString(), "text-bg-light"),
    };

    public static bool IsBusy(KnowledgeSourceStatus status) => status is KnowledgeSourceStatus.Pending or KnowledgeSourceStatus.Indexing;

    /// <summary>Typed content can be edited here; pages are fetched again and PDFs uploaded again instead.</summary>
    public static bool IsEditable(KnowledgeSourceKind kind) => kind is KnowledgeSourceKind.Text or KnowledgeSourceKind.Markdown or KnowledgeSourceKind.Faq;

    /// <summary>The origin as a link target, only for http(s): anything else is shown as text.</summary>
    public static Uri? WebLink(string? origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;

    public static DateTimeOffset UpdatedTime(KnowledgeSourceDto source) =>
        new[] { source.CreationTime, source.LastModificationTime ?? source.CreationTime, source.IndexedTime ?? source.CreationTime }.Max();
}
