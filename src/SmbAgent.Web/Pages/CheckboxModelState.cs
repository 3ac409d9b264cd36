using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace SmbAgent.Web.Pages;

public static class CheckboxModelState
{
    /// <summary>
    /// A checkbox posted with a value that isn't a boolean ("maybe") reads as unchecked. Left in the model state, the
    /// checkbox tag helper parses that raw value again when the page is shown back and throws: a 500 for a typo.
    /// </summary>
    public static void ForgetUnreadableCheckbox(this ModelStateDictionary modelState, string key)
    {
        if (modelState.TryGetValue(key, out var entry) && entry.ValidationState == ModelValidationState.Invalid)
        {
            modelState.Remove(key);
        }
    }
}
