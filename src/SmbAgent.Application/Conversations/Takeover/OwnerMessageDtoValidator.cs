using FluentValidation;

namespace SmbAgent.Conversations.Takeover;

public sealed class OwnerMessageDtoValidator : AbstractValidator<OwnerMessageDto>
{
    public OwnerMessageDtoValidator() =>
        RuleFor(x => x.Text).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Write a message.")
            .MaximumLength(ConversationConsts.MaxMessageLength).WithMessage($"A message can't be longer than {ConversationConsts.MaxMessageLength} characters.");
}
