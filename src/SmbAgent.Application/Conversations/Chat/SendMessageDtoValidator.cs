using FluentValidation;

namespace SmbAgent.Conversations.Chat;

public sealed class SendMessageDtoValidator : AbstractValidator<SendMessageDto>
{
    public SendMessageDtoValidator()
    {
        RuleFor(x => x.Text).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Write a message.")
            .MaximumLength(ConversationConsts.MaxMessageLength).WithMessage($"A message can't be longer than {ConversationConsts.MaxMessageLength} characters.");
        RuleFor(x => x.IdempotencyKey).NotEmpty().WithMessage("Send an idempotency key with each message (a new random one per message).")
            .MaximumLength(ConversationConsts.MaxIdempotencyKeyLength).WithMessage($"The idempotency key can't be longer than {ConversationConsts.MaxIdempotencyKeyLength} characters.");
    }
}
