using FluentValidation;

namespace SmbAgent.ApiKeys;

public sealed class CreateApiKeyDtoValidator : AbstractValidator<CreateApiKeyDto>
{
    public CreateApiKeyDtoValidator()
    {
        RuleFor(x => x.Name).Must(n => !string.IsNullOrWhiteSpace(n))
            .WithMessage("Give the key a name, such as the tool that will use it.");
        RuleFor(x => x.Name).MaximumLength(ApiKey.MaxNameLength)
            .WithMessage($"The name can be at most {ApiKey.MaxNameLength} characters.");
        RuleFor(x => x.Scope).IsInEnum().WithMessage("Choose read, or read and write.");
    }
}
