using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.Data;
using SmbAgent.KnowledgeBase;

namespace SmbAgent.Web.Pages.Workspace.Knowledge;

/// <summary>What the add pages share: saving through the app service and showing its refusals next to the fields.</summary>
public static class SourceForms
{
    public const string ListPage = "/Workspace/Knowledge/Index";

    /// <summary>
    /// Runs <paramref name="create"/>; on success back to the list with a message, otherwise the same page with the
    /// posted input and the errors. <paramref name="fieldOf"/> maps an app-service property to the form field showing it.
    /// </summary>
    public static async Task<IActionResult> CreateAsync(PageModel page, Func<Task<KnowledgeSourceDto>> create, Func<string, string>? fieldOf = null)
    {
        try
        {
            var source = await create();
            page.TempData["Success"] = $"\u201C{source.Title}\u201D is added. It is being indexed; the list shows when the agent can use it.";
            return page.RedirectToPage(ListPage);
        }
        catch (ValidationException e)
        {
            AddErrors(page, e, fieldOf);
        }
        catch (BusinessException e)
        {
            page.ModelState.AddModelError(string.Empty, e.Message);
        }

        return page.Page();
    }

    public static void AddErrors(PageModel page, ValidationException exception, Func<string, string>? fieldOf = null)
    {
        foreach (var error in exception.Errors)
        {
            var key = string.IsNullOrEmpty(error.PropertyName) ? string.Empty : $"Input.{(fieldOf ?? (name => name))(error.PropertyName)}";
            page.ModelState.AddModelError(key, error.ErrorMessage);
        }
    }
}
