using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbAgent.Data;
using SmbAgent.Features;
using SmbAgent.Leads;
using SmbAgent.Permissions;
using SmbAgent.Web.Navigation;

namespace SmbAgent.Web.Pages.Workspace.Questions;

/// <summary>Adds a lead question (within the plan's limit) or edits one of the tenant's own.</summary>
[Authorize(Policy = SmbPermissions.LeadQuestions.Manage)]
public sealed class EditModel(ILeadQuestionAppService questions, EditionCatalog editions) : PageModel
{
    [BindProperty]
    public QuestionForm Input { get; set; } = new();

    [FromRoute]
    public Guid? Id { get; set; }

    public UpgradePrompt? LimitPrompt { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is not { } id)
        {
            return Page();
        }

        try
        {
            Input = QuestionForm.From(await questions.GetAsync(id, cancellationToken));
            return Page();
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            if (Id is { } id)
            {
                await questions.UpdateAsync(id, Input.ToDto(), cancellationToken);
                TempData["Success"] = "The question is saved.";
            }
            else
            {
                await questions.CreateAsync(Input.ToDto(), cancellationToken);
                TempData["Success"] = "The question is added.";
            }

            return RedirectToPage("/Workspace/Questions");
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
        catch (ValidationException e)
        {
            foreach (var error in e.Errors)
            {
                ModelState.AddModelError($"{nameof(Input)}.{QuestionForm.FieldOf(error.PropertyName)}", error.ErrorMessage);
            }
        }
        catch (FeatureLimitReachedException e)
        {
            LimitPrompt = await editions.PromptAsync(
                e.FeatureName,
                "You have reached your plan's number of questions",
                $"Your plan allows {e.Limit} lead questions, so this one was not added. Upgrade for more.",
                e.Limit,
                cancellationToken);
        }

        return Page();
    }

    /// <summary>The form's shape: options are typed one per line.</summary>
    public sealed class QuestionForm
    {
        public string? Text { get; set; }

        public LeadQuestionFormat Format { get; set; }

        public string? Options { get; set; }

        public bool IsRequired { get; set; }

        public LeadField MapsTo { get; set; } = LeadField.Notes;

        public string? CustomFieldName { get; set; }

        public bool IsEssentialForEmergency { get; set; }

        public static QuestionForm From(LeadQuestionDto dto) => new()
        {
            Text = dto.Text,
            Format = dto.Format,
            Options = string.Join('\n', dto.Options),
            IsRequired = dto.IsRequired,
            MapsTo = dto.MapsTo,
            CustomFieldName = dto.CustomFieldName,
            IsEssentialForEmergency = dto.IsEssentialForEmergency,
        };

        /// <summary>The form field an app-service validation error belongs to.</summary>
        public static string FieldOf(string propertyName) =>
            propertyName.StartsWith(nameof(Options), StringComparison.Ordinal) ? nameof(Options) : propertyName;

        public CreateUpdateLeadQuestionDto ToDto() => new()
        {
            Text = Text ?? string.Empty,
            Format = Format,
            Options = [.. (Options ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
            IsRequired = IsRequired,
            MapsTo = MapsTo,
            CustomFieldName = CustomFieldName,
            IsEssentialForEmergency = IsEssentialForEmergency,
        };
    }
}
