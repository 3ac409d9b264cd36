using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace SmbAgent.Web.Pages.Workspace;

public static class ValidationErrors
{
    /// <summary>Puts an app service's validation failures next to the form fields bound under <paramref name="prefix"/>.</summary>
    public static void AddErrors(this ModelStateDictionary modelState, ValidationException exception, string prefix)
    {
        foreach (var error in exception.Errors)
        {
            var key = string.IsNullOrEmpty(error.PropertyName) ? string.Empty : $"{prefix}.{error.PropertyName}";
            modelState.AddModelError(key, error.ErrorMessage);
        }
    }
}
