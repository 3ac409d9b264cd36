using FluentValidation;

namespace SmbAgent.Health;

public sealed class HealthAlertThresholdsDtoValidator : AbstractValidator<HealthAlertThresholdsDto>
{
    public HealthAlertThresholdsDtoValidator()
    {
        RuleFor(x => x.MemoryMb).InclusiveBetween(16, 1_048_576).When(x => x.MemoryMb is not null)
            .WithMessage("Memory must be between 16 MB and 1 TB, or empty.");
        RuleFor(x => x.RedisConsecutiveFailures).InclusiveBetween(1, 100_000).When(x => x.RedisConsecutiveFailures is not null)
            .WithMessage("Redis failures must be at least 1, or empty.");
        RuleFor(x => x.ActiveSessions).InclusiveBetween(1, 10_000_000).When(x => x.ActiveSessions is not null)
            .WithMessage("Active sessions must be at least 1, or empty.");
        RuleFor(x => x.FailedJobs).InclusiveBetween(1, 10_000_000).When(x => x.FailedJobs is not null)
            .WithMessage("Failed jobs must be at least 1, or empty.");
    }
}
