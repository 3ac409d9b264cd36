using FluentValidation;

namespace SmbAgent.Leads;

public sealed class UpdateLeadDtoValidator : AbstractValidator<UpdateLeadDto>
{
    public UpdateLeadDtoValidator()
    {
        RuleFor(x => x.Status).IsInEnum().WithMessage("Choose one of the statuses.");
        RuleFor(x => x.OwnerNotes).MaximumLength(LeadConsts.MaxNotesLength)
            .WithMessage($"Notes can be at most {LeadConsts.MaxNotesLength:N0} characters.");
    }
}
