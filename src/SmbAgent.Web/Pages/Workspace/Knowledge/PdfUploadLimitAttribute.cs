using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using SmbAgent.KnowledgeBase;

namespace SmbAgent.Web.Pages.Workspace.Knowledge;

/// <summary>
/// The upload page's request size limit, with a friendly answer. A body that announces more than
/// <see cref="MaxRequestBytes"/> is turned away before anything reads it, since the antiforgery check reads the
/// form first and would answer a bare 400: the browser is sent back to the form with the reason. Its limit is
/// left at the server's own so the server can drain a moderately oversized body and the browser sees the
/// redirect rather than a reset connection. Any other request gets the lower limit, so a body without a length
/// is cut off there. Runs after authorization (order 0) and before antiforgery (order 1000).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PdfUploadLimitAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    /// <summary>The largest PDF plus room for the other fields and the multipart framing.</summary>
    public const long MaxRequestBytes = KnowledgeSourceConsts.MaxPdfBytes + (64 * 1024);

    public const string TooLargeKey = "PdfTooLarge";

    public static readonly string TooLargeMessage = $"The PDF can't be larger than {KnowledgeSourceConsts.MaxPdfBytes / (1024 * 1024)} MB.";

    public int Order => 900;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var httpContext = context.HttpContext;
        if (!(httpContext.Request.ContentLength > MaxRequestBytes))
        {
            if (httpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = MaxRequestBytes;
            }

            return;
        }

        // Saved here: the filter that saves temp data after a result never runs when authorization short-circuits.
        var tempData = httpContext.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(httpContext);
        tempData[TooLargeKey] = true;
        tempData.Save();
        context.Result = new RedirectResult(httpContext.Request.PathBase + httpContext.Request.Path);
    }
}
