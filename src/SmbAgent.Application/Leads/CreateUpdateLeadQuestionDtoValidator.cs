using FluentValidation;

namespace SmbAgent.Leads;

public sealed class CreateUpdateLeadQuestionDtoValidator : AbstractValidator<CreateUpdateLeadQuestionDto>
{
    public CreateUpdateLeadQuestionDtoValidator()
    {
        RuleFor(q => q.Text).NotEmpty().WithMessage("Write the question.")
            .MaximumLength(LeadQuestionConsts.MaxTextLength).WithMessage($"A question has at most {LeadQuestionConsts.MaxTextLength} characters.");
        RuleFor(q => q.Format).IsInEnum();
        RuleFor(q => q.MapsTo).IsInEnum();
        RuleFor(q => q.Options).NotNull().WithMessage("Send the options as a list (empty unless the question is a choice).");
        RuleFor(q => q.Options).NotEmpty().When(q => q.Format == LeadQuestionFormat.Choice && q.Options is not null)
            .WithMessage("A choice question needs at least one option.");
        RuleFor(q => q.Options.Count).LessThanOrEqualTo(LeadQuestionConsts.MaxOptions).WithName("Options").When(q => q.Options is not null);
        RuleForEach(q => q.Options).NotEmpty().MaximumLength(LeadQuestionConsts.MaxOptionLength);
        RuleFor(q => q.CustomFieldName)
            .NotEmpty().WithMessage("Name the custom field this answer fills.")
            .MaximumLength(64).WithMessage("A custom field name has at most 64 characters.")
            .When(q => q.MapsTo == LeadField.Custom);
    }
}
