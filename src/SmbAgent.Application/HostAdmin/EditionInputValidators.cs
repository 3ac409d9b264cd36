using FluentValidation;
using SmbAgent.Features;

namespace SmbAgent.HostAdmin;

public sealed class CreateEditionInputValidator : AbstractValidator<CreateEditionInput>
{
    public CreateEditionInputValidator()
    {
        RuleFor(x => x.Name)
            .NotEmpty().WithMessage("Enter a code name.")
            .MaximumLength(Edition.MaxNameLength)
            .Matches("^[A-Za-z][A-Za-z0-9_]*$").WithMessage("Use letters, digits and underscores, starting with a letter (e.g. PRO_PLUS).");
        RuleFor(x => x.DisplayName).NotEmpty().WithMessage("Enter a display name.").MaximumLength(Edition.MaxDisplayNameLength);
        RuleFor(x => x.SortOrder).InclusiveBetween(0, 1000);
    }
}

/// <summary>Each value must fit its feature's type: a toggle is true/false, a limit a number in range, a selection one of its options.</summary>
public sealed class UpdateEditionInputValidator : AbstractValidator<UpdateEditionInput>
{
    public UpdateEditionInputValidator()
    {
        RuleFor(x => x.DisplayName).NotEmpty().WithMessage("Enter a display name.").MaximumLength(Edition.MaxDisplayNameLength);
        RuleFor(x => x.SortOrder).InclusiveBetween(0, 1000);
        RuleFor(x => x.Values).Custom((values, context) =>
        {
            foreach (var (name, value) in values)
            {
                var definition = SmbFeatureDefinitions.Find(name);
                if (definition is null)
                {
                    context.AddFailure(name, $"There is no feature named '{name}'.");
                }
                else if (!definition.ValueType.IsValid(value))
                {
                    context.AddFailure(name, Describe(definition));
                }
            }
        });
    }

    public static string Describe(FeatureDefinition definition) => definition.ValueType switch
    {
        NumberValueType n => $"{definition.DisplayName}: enter a whole number from {n.Min} to {n.Max}.",
        SelectionValueType s => $"{definition.DisplayName}: choose one of {string.Join(", ", s.Options)}.",
        _ => $"{definition.DisplayName}: choose on or off.",
    };
}
