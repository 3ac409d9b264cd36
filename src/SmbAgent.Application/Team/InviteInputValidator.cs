using FluentValidation;
using SmbAgent.Workspace;

namespace SmbAgent.Team;

public sealed class InviteInputValidator : AbstractValidator<InviteInput>
{
    public InviteInputValidator()
    {
        RuleFor(i => i.Email).NotEmpty().WithMessage("Enter an email address.")
            .MaximumLength(256)
            .Must(BusinessProfileInputValidator.IsEmail).WithMessage("Enter a valid email address.");
        RuleFor(i => i.Role).Must(TeamAppService.IsTenantRole).WithMessage("Choose owner or staff.");
    }
}
