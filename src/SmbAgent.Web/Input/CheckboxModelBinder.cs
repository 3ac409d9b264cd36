using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace SmbAgent.Web.Input;

/// <summary>
/// Binds a boolean as a checkbox does: "true" is checked, anything else ("maybe", a typo, a fuzzer) is unchecked.
/// The framework's binder records "maybe" as an error and keeps the raw text, which the checkbox tag helper parses
/// again when the page is shown back with the form's other errors, and throws: a 500 for a typo on every form.
/// </summary>
public sealed class CheckboxModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var posted = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (posted == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        var isChecked = bool.TryParse(posted.FirstValue, out var value) && value;
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, isChecked, isChecked ? bool.TrueString : bool.FalseString);
        bindingContext.Result = ModelBindingResult.Success(isChecked);
        return Task.CompletedTask;
    }
}

public sealed class CheckboxModelBinderProvider : IModelBinderProvider
{
    private static readonly CheckboxModelBinder Binder = new();

    public IModelBinder? GetBinder(ModelBinderProviderContext context) => context.Metadata.ModelType == typeof(bool) ? Binder : null;
}
