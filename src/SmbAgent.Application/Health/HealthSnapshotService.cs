using System.Reflection;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using SmbAgent.Conversations;
using SmbAgent.Data;
using SmbAgent.Emailing;
using SmbAgent.Tenancy;
using SmbAgent.Twilio;

namespace SmbAgent.Health;

/// <summary>Gathers the health report: the registered checks for the status, then each area's figures.</summary>
public sealed class HealthSnapshotService(
    HealthCheckService checks,
    ISmbAgentDbContext db,
    ICurrentTenant currentTenant,
    IDataFilter dataFilter,
    JobStorage jobStorage,
    RedisConnectionMonitor redis,
    FallbackSessions fallbackSessions,
    ProviderActivity providers,
    TurnTimingHealth turnTimings,
    IOptions<HealthOptions> options,
    IOptions<EmailOptions> email,
    IOptions<TwilioOptions> twilio,
    IConfiguration configuration,
    IHostEnvironment environment,
    TimeProvider clock)
{
    private static readonly string Version =
        (Assembly.GetEntryAssembly() ?? typeof(HealthSnapshotService).Assembly)
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>Only the overall status, for callers who may not see details.</summary>
    public async Task<string> GetStatusAsync(CancellationToken cancellationToken = default) =>
        StatusOf((await checks.CheckHealthAsync(cancellationToken)).Status);

    public async Task<HealthSnapshotDto> GetAsync(CancellationToken cancellationToken = default)
    {
        var report = await checks.CheckHealthAsync(cancellationToken);
        var entries = report.Entries.ToDictionary(
            e => e.Key,
            e => new HealthCheckEntryDto(StatusOf(e.Value.Status), e.Value.Description, Math.Round(e.Value.Duration.TotalMilliseconds, 1)));
        var database = entries.GetValueOrDefault("database");
        var jobs = entries.GetValueOrDefault("jobs");
        return new HealthSnapshotDto(
            StatusOf(report.Status),
            clock.GetUtcNow(),
            entries,
            MemoryMeter.Measure(),
            redis.Snapshot(),
            await SessionsAsync(database?.Status != HealthStatuses.Unhealthy, cancellationToken),
            database?.Status != HealthStatuses.Unhealthy ? await TurnTimingsAsync(cancellationToken) : null,
            new DatabaseHealthDto(database?.Status ?? HealthStatuses.Unhealthy, database?.Description),
            Jobs(jobs),
            new Dictionary<string, ProviderActivityDto>
            {
                [ProviderActivity.OpenAI] = providers.Get(ProviderActivity.OpenAI),
                [ProviderActivity.Twilio] = providers.Get(ProviderActivity.Twilio),
                [ProviderActivity.Smtp] = providers.Get(ProviderActivity.Smtp),
            },
            new EnvironmentHealthDto(environment.EnvironmentName, Version, Environment.MachineName, ConfiguredProviders()));
    }

    /// <summary>Chat and voice conversations with a message within the window, across businesses.</summary>
    public async Task<(int Chat, int Voice)> CountActiveSessionsAsync(CancellationToken cancellationToken = default)
    {
        var since = clock.GetUtcNow() - options.Value.ActiveSessionWindow;
        using (currentTenant.Change(null))
        using (dataFilter.Disable<IMultiTenant>())
        {
            var counts = await db.Conversations.AsNoTracking()
                .Where(c => c.LastActivityTime >= since)
                .GroupBy(c => c.Channel)
                .Select(g => new { Channel = g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken);
            return (counts.Where(c => c.Channel == ConversationChannel.Chat).Sum(c => c.Count),
                counts.Where(c => c.Channel == ConversationChannel.Voice).Sum(c => c.Count));
        }
    }

    /// <summary>The job store's statistics, or null when it can't be read (its database down).</summary>
    public Hangfire.Storage.Monitoring.StatisticsDto? JobStatistics()
    {
        try
        {
            return jobStorage.GetMonitoringApi().GetStatistics();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return null;
        }
    }

    public static string StatusOf(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => HealthStatuses.Healthy,
        HealthStatus.Degraded => HealthStatuses.Degraded,
        _ => HealthStatuses.Unhealthy,
    };

    private async Task<SessionHealthDto> SessionsAsync(bool databaseUp, CancellationToken cancellationToken)
    {
        var window = (int)options.Value.ActiveSessionWindow.TotalMinutes;
        if (!databaseUp)
        {
            return new SessionHealthDto(null, null, fallbackSessions.Count, window);
        }

        try
        {
            var (chat, voice) = await CountActiveSessionsAsync(cancellationToken);
            return new SessionHealthDto(chat, voice, fallbackSessions.Count, window);
        }
        catch (NpgsqlException)
        {
            return new SessionHealthDto(null, null, fallbackSessions.Count, window);
        }
    }

    private async Task<TurnTimingHealthDto?> TurnTimingsAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await turnTimings.MeasureAsync(cancellationToken);
        }
        catch (NpgsqlException)
        {
            return null;
        }
    }

    private JobServerHealthDto Jobs(HealthCheckEntryDto? check)
    {
        var status = check?.Status ?? HealthStatuses.Unhealthy;
        return JobStatistics() is { } stats
            ? new JobServerHealthDto(status, stats.Enqueued, stats.Failed, stats.Processing, stats.Servers)
            : new JobServerHealthDto(status, null, null, null, null);
    }

    private Dictionary<string, bool> ConfiguredProviders()
    {
        var openAiKey = new[] { configuration["Conversations:Assistant:ApiKey"], configuration["OpenAI:ApiKey"], configuration["OPENAI_API_KEY"] }
            .Any(k => !string.IsNullOrEmpty(k));
        return new Dictionary<string, bool>
        {
            [ProviderActivity.OpenAI] = openAiKey,
            [ProviderActivity.Twilio] = twilio.Value.IsConfigured && !twilio.Value.DevelopmentOutbox,
            [ProviderActivity.Smtp] = email.Value.UsesSmtp,
        };
    }
}
