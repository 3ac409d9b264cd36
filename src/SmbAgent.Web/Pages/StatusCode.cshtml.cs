using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SmbAgent.Web.Pages;

/// <summary>The friendly page behind 403, 404 and other empty error responses; the status code is kept.</summary>
/// <remarks>A failed POST is re-executed here as a POST (e.g. a rate-limited form): it renders the same, and has no form to protect.</remarks>
[IgnoreAntiforgeryToken]
public sealed class StatusCodeModel : PageModel
{
    public string Title { get; private set; } = "Something went wrong";

    public string Message { get; private set; } = "Please try again.";

    public void OnPost(int code) => OnGet(code);

    public void OnGet(int code)
    {
        (Title, Message) = code switch
        {
            403 => ("Access denied", "Your account cannot open this page."),
            404 => ("Not found", "This page does not exist, or it belongs to another business."),
            429 => ("Too many requests", "Please wait a moment and try again."),
            _ => ("Something went wrong", "Please try again."),
        };
    }
}
