using FluentValidation;
using SmbAgent.Conversations.Emergencies.Lexicon;

namespace SmbAgent.Conversations.Emergencies;

public sealed class CreateEmergencyWordDtoValidator : AbstractValidator<CreateEmergencyWordDto>
{
    public CreateEmergencyWordDtoValidator()
    {
        RuleFor(w => w.Phrase)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Write a word or phrase.")
            .MaximumLength(EmergencyWord.MaxPhraseLength).WithMessage($"A phrase has at most {EmergencyWord.MaxPhraseLength} characters.")
            .Must(p => EmergencyLexicon.IsUsable(p!))
            .WithMessage("Use whole words of two letters or more. A * may end (or start) a word of at least three letters, as in \"freez*\"; "
                         + "~ may stand between two words, as in \"pipe ~ burst\".");
        RuleFor(w => w.Level)
            .Must(l => l is LeadPriority.Urgent or LeadPriority.High or LeadPriority.Normal)
            .WithMessage("Choose urgent, high or harmless.");
    }
}
