using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SmbAgent.BackgroundJobs;
using SmbAgent.Data;
using SmbAgent.Emailing;
using SmbAgent.Identity;
using SmbAgent.PublicUrls;
using SmbAgent.Tenancy;
using StackExchange.Redis;

namespace SmbAgent.Health;

/// <summary>
/// Measures each watched figure, opens an incident when one reaches its threshold and emails every host admin once
/// for it, then closes it with a recovery notice once the figure is back under. Memory and Redis are as the instance
/// running the job sees them; sessions and failed jobs are platform-wide.
/// </summary>
/// <remarks>
/// The open incident's unique index makes concurrent evaluations open it once; each notice is claimed by stamping its
/// time in one conditional statement before sending, and unstamped when the send fails, so the next run tries again.
/// </remarks>
public sealed partial class HealthAlertJob(
    ISmbAgentDbContext db,
    ICurrentTenant currentTenant,
    HealthSnapshotService snapshots,
    RedisConnectionMonitor redisMonitor,
    IConnectionMultiplexer redis,
    IEmailSender email,
    AdminLinks links,
    TimeProvider clock,
    ILogger<HealthAlertJob> logger) : IBackgroundJob<EvaluateHealthAlertsArgs>
{
    public async Task ExecuteAsync(EvaluateHealthAlertsArgs args, CancellationToken cancellationToken)
    {
        using (currentTenant.Change(null))
        {
            var settings = await db.HealthAlertSettings.AsNoTracking()
                .FirstOrDefaultAsync(s => s.Id == HealthAlertSettings.SingletonId, cancellationToken) ?? new HealthAlertSettings();
            var open = await db.HealthIncidents.AsNoTracking().Where(i => i.ClosedTime == null).ToListAsync(cancellationToken);
            foreach (var (kind, threshold) in Thresholds(settings))
            {
                var incident = open.FirstOrDefault(i => i.Kind == kind);
                if (threshold is null)
                {
                    if (incident is not null)
                    {
                        await RecoverAsync(incident, observed: null, cancellationToken);
                    }

                    continue;
                }

                if (await MeasureAsync(kind, cancellationToken) is not { } observed)
                {
                    continue;
                }

                if (observed >= threshold)
                {
                    await CrossedAsync(kind, threshold.Value, observed, incident, cancellationToken);
                }
                else if (incident is not null)
                {
                    await RecoverAsync(incident, observed, cancellationToken);
                }
            }
        }
    }

    private static IEnumerable<(string Kind, long? Threshold)> Thresholds(HealthAlertSettings settings) =>
    [
        (HealthIncidentKinds.Memory, settings.MemoryMb),
        (HealthIncidentKinds.Redis, settings.RedisConsecutiveFailures),
        (HealthIncidentKinds.ActiveSessions, settings.ActiveSessions),
        (HealthIncidentKinds.FailedJobs, settings.FailedJobs),
    ];

    private async Task<long?> MeasureAsync(string kind, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case HealthIncidentKinds.Memory:
                return Environment.WorkingSet / (1024 * 1024);
            case HealthIncidentKinds.Redis:
                await PingRedisAsync(cancellationToken);
                return redisMonitor.Snapshot().ConsecutiveFailures;
            case HealthIncidentKinds.ActiveSessions:
                var (chat, voice) = await snapshots.CountActiveSessionsAsync(cancellationToken);
                return chat + voice;
            case HealthIncidentKinds.FailedJobs:
                return snapshots.JobStatistics()?.Failed;
            default:
                return null;
        }
    }

    /// <summary>A fresh try, so an idle instance (no traffic, no health polls) still notices Redis going and coming back.</summary>
    private async Task PingRedisAsync(CancellationToken cancellationToken)
    {
        try
        {
            await redis.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            redisMonitor.RecordPing(succeeded: true);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            redisMonitor.RecordPing(succeeded: false, e.GetType().Name);
        }
    }

    private async Task CrossedAsync(string kind, long threshold, long observed, HealthIncident? incident, CancellationToken cancellationToken)
    {
        if (incident is null)
        {
            incident = new HealthIncident(Guid.NewGuid(), kind, threshold, observed, clock.GetUtcNow());
            db.HealthIncidents.Add(incident);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DuplicateEntryException)
            {
                // Another instance opened it a moment ago and alerts for it.
                return;
            }

            LogOpened(logger, kind, observed, threshold);
        }
        else if (observed > incident.PeakObserved)
        {
            await db.HealthIncidents.Where(i => i.Id == incident.Id && i.PeakObserved < observed)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.PeakObserved, observed), cancellationToken);
        }

        if (incident.AlertSentTime is null)
        {
            await NotifyOnceAsync(incident.Id, recovery: false, Subject(kind, recovered: false),
                $"""
                {Describe(kind)} reached {observed}{Unit(kind)}; the alert threshold is {threshold}{Unit(kind)}.
                Opened {incident.OpenedTime:u}. You will get one more email when it is back under the threshold.

                Health: {links.HostHealth()}
                """,
                cancellationToken);
        }
    }

    private async Task RecoverAsync(HealthIncident incident, long? observed, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var closed = await db.HealthIncidents.Where(i => i.Id == incident.Id && i.ClosedTime == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ClosedTime, now), cancellationToken);
        if (closed == 0)
        {
            return;
        }

        LogClosed(logger, incident.Kind);
        if (incident.AlertSentTime is null)
        {
            // Its alert never went out (every send failed): a recovery notice would answer nothing.
            return;
        }

        var state = observed is { } value ? $"is back to {value}{Unit(incident.Kind)}" : "is no longer watched";
        await NotifyOnceAsync(incident.Id, recovery: true, Subject(incident.Kind, recovered: true),
            $"""
            {Describe(incident.Kind)} {state} (threshold {incident.Threshold}{Unit(incident.Kind)}, peak {incident.PeakObserved}{Unit(incident.Kind)}).
            The incident opened {incident.OpenedTime:u} and closed {now:u}.

            Health: {links.HostHealth()}
            """,
            cancellationToken);
    }

    private async Task NotifyOnceAsync(Guid incidentId, bool recovery, string subject, string body, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var claimed = recovery
            ? await db.HealthIncidents.Where(i => i.Id == incidentId && i.RecoverySentTime == null)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.RecoverySentTime, now), cancellationToken)
            : await db.HealthIncidents.Where(i => i.Id == incidentId && i.AlertSentTime == null)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.AlertSentTime, now), cancellationToken);
        if (claimed == 0)
        {
            return;
        }

        try
        {
            foreach (var address in await HostAdminEmailsAsync(cancellationToken))
            {
                await email.SendAsync(new EmailMessage(address, subject, body), cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSendFailed(logger, incidentId, e);
            _ = recovery
                ? await db.HealthIncidents.Where(i => i.Id == incidentId)
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.RecoverySentTime, (DateTimeOffset?)null), CancellationToken.None)
                : await db.HealthIncidents.Where(i => i.Id == incidentId)
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.AlertSentTime, (DateTimeOffset?)null), CancellationToken.None);
        }
    }

    /// <summary>Host users (no tenant) in the host admin role, in the host scope this job runs in.</summary>
    private async Task<List<string>> HostAdminEmailsAsync(CancellationToken cancellationToken) =>
        await (from user in db.Users
               join userRole in db.UserRoles on user.Id equals userRole.UserId
               join role in db.Roles on userRole.RoleId equals role.Id
               where user.TenantId == null && role.TenantId == null && role.Name == SmbRoles.HostAdmin && user.Email != null
               orderby user.Email
               select user.Email!)
            .Distinct()
            .ToListAsync(cancellationToken);

    private static string Subject(string kind, bool recovered) =>
        recovered ? $"[SmbAgent] Recovered: {Describe(kind)}" : $"[SmbAgent] Alert: {Describe(kind)}";

    private static string Describe(string kind) => kind switch
    {
        HealthIncidentKinds.Memory => "Memory",
        HealthIncidentKinds.Redis => "Redis failures in a row",
        HealthIncidentKinds.ActiveSessions => "Active sessions",
        HealthIncidentKinds.FailedJobs => "Failed jobs",
        _ => kind,
    };

    private static string Unit(string kind) => kind == HealthIncidentKinds.Memory ? " MB" : string.Empty;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Health incident opened: {Kind} at {Observed} (threshold {Threshold})")]
    private static partial void LogOpened(ILogger logger, string kind, long observed, long threshold);

    [LoggerMessage(Level = LogLevel.Information, Message = "Health incident closed: {Kind}")]
    private static partial void LogClosed(ILogger logger, string kind);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending the notice of health incident {IncidentId} failed; the next evaluation tries again")]
    private static partial void LogSendFailed(ILogger logger, Guid incidentId, Exception exception);
}
