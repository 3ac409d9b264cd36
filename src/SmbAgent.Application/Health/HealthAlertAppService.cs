using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SmbAgent.Data;

namespace SmbAgent.Health;

/// <summary>The platform's alert thresholds (one host row) and the incident history.</summary>
public sealed class HealthAlertAppService(ISmbAgentDbContext db, IValidator<HealthAlertThresholdsDto> validator, TimeProvider clock)
{
    public const int HistorySize = 50;

    public async Task<HealthAlertThresholdsDto> GetThresholdsAsync(CancellationToken cancellationToken = default)
    {
        var settings = await db.HealthAlertSettings.AsNoTracking()
            .FirstOrDefaultAsync(s => s.Id == HealthAlertSettings.SingletonId, cancellationToken) ?? new HealthAlertSettings();
        return new HealthAlertThresholdsDto(settings.MemoryMb, settings.RedisConsecutiveFailures, settings.ActiveSessions, settings.FailedJobs);
    }

    public async Task<HealthAlertThresholdsDto> SetThresholdsAsync(HealthAlertThresholdsDto input, CancellationToken cancellationToken = default)
    {
        await validator.ValidateAndThrowAsync(input, cancellationToken);
        var settings = await db.HealthAlertSettings.FirstOrDefaultAsync(s => s.Id == HealthAlertSettings.SingletonId, cancellationToken);
        if (settings is null)
        {
            settings = new HealthAlertSettings();
            db.HealthAlertSettings.Add(settings);
        }

        settings.MemoryMb = input.MemoryMb;
        settings.RedisConsecutiveFailures = input.RedisConsecutiveFailures;
        settings.ActiveSessions = input.ActiveSessions;
        settings.FailedJobs = input.FailedJobs;
        settings.LastModificationTime = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return input;
    }

    /// <summary>The latest incidents, open ones first.</summary>
    public async Task<IReadOnlyList<HealthIncidentDto>> GetIncidentsAsync(CancellationToken cancellationToken = default) =>
        await db.HealthIncidents.AsNoTracking()
            .OrderBy(i => i.ClosedTime != null)
            .ThenByDescending(i => i.OpenedTime)
            .Take(HistorySize)
            .Select(i => new HealthIncidentDto(
                i.Id, i.Kind, i.Threshold, i.Observed, i.PeakObserved, i.OpenedTime, i.ClosedTime, i.AlertSentTime, i.RecoverySentTime))
            .ToListAsync(cancellationToken);
}
