using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SmbAgent.Conversations.Emergencies.Similarity;

namespace SmbAgent.Bench.Chat.Measure;

/// <summary>
/// Counts, for the turn logging it, the emergency similarity check giving up (its budget passed or the model
/// failed): it only stops waiting, so no model call fails, and its warning is the one trace it leaves.
/// </summary>
public sealed class EmergencyCheckGiveUps : ILoggerProvider
{
    private static readonly string Category = typeof(EmergencySimilarity).FullName!;

    public ILogger CreateLogger(string categoryName) => categoryName == Category ? new Counter() : NullLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class Counter : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                TurnProfiler.RecordEmergencyCheckGaveUp();
            }
        }
    }
}
