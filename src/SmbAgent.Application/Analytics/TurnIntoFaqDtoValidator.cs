using FluentValidation;
using SmbAgent.KnowledgeBase;

namespace SmbAgent.Analytics;

public sealed class TurnIntoFaqDtoValidator : AbstractValidator<TurnIntoFaqDto>
{
    /// <summary>More than a page lists in one group; a bigger post is not from the form.</summary>
    public const int MaxQuestions = 500;

    public TurnIntoFaqDtoValidator()
    {
        RuleFor(x => x.QuestionIds).NotEmpty().WithMessage("Choose a group of questions.")
            .Must(ids => ids.Count <= MaxQuestions).WithMessage("Too many questions in one group.");
        RuleFor(x => x.Question).NotEmpty().WithMessage("Enter the question.")
            .MaximumLength(UnansweredQuestionConsts.MaxTextLength).WithMessage($"Keep the question under {UnansweredQuestionConsts.MaxTextLength} characters.");
        RuleFor(x => x.Answer).NotEmpty().WithMessage("Write the answer.")
            .MaximumLength(KnowledgeSourceConsts.MaxContentLength - UnansweredQuestionConsts.MaxTextLength - 8)
            .WithMessage("The answer is too long.");
    }
}
