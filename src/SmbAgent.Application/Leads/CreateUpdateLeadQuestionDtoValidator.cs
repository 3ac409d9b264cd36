using FluentValidation;

namespace SmbAgent.Leads;

public sealed class CreateUpdateLeadQuestionDtoValidator : AbstractValidator<CreateUpdateLeadQuestionDto>
{
    public CreateUpdateLeadQuestionDtoValidator()
    {
        RuleFor(q => q.Text).NotEmpty().WithMessage("Write the question.")
            .MaximumLength(LeadQuestionConsts.MaxTextLength);
        RuleFor(q => q.Format).IsInEnum();
        RuleFor(q => q.MapsTo).IsInEnum();
        RuleFor(q => q.Options).NotEmpty().When(q => q.Format == LeadQuestionFormat.Choice)
            .WithMessage("A choice question needs at least one option.");
        RuleFor(q => q.Options.Count).LessThanOrEqualTo(LeadQuestionConsts.MaxOptions).WithName("Options");
        RuleForEach(q => q.Options).NotEmpty().MaximumLength(LeadQuestionConsts.MaxOptionLength);
        RuleFor(q => q.CustomFieldName).NotEmpty().MaximumLength(64).When(q => q.MapsTo == LeadField.Custom)
            .WithMessage("Name the custom field this answer fills.");
    }
}
