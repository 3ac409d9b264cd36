using FluentValidation;

namespace SmbAgent.Webhooks;

public sealed class CreateWebhookSubscriptionDtoValidator : AbstractValidator<CreateWebhookSubscriptionDto>
{
    public CreateWebhookSubscriptionDtoValidator(WebhookTargetPolicy targets)
    {
        RuleFor(x => x.Url).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter the address webhooks are sent to.")
            .MaximumLength(WebhookConsts.MaxUrlLength).WithMessage("The address is too long.")
            .Must(u => targets.Problem(u) is null).WithMessage(x => targets.Problem(x.Url)!);
        RuleFor(x => x.Description).MaximumLength(WebhookConsts.MaxDescriptionLength)
            .WithMessage($"Keep the description under {WebhookConsts.MaxDescriptionLength} characters.");
        RuleFor(x => x.EventTypes).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Choose at least one event.")
            .Must(e => e.TrueForAll(t => t is not null && WebhookEventTypes.IsKnown(t))).WithMessage("Choose events from the list.");
    }
}
