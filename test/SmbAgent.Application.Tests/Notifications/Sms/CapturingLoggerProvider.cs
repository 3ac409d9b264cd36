using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SmbAgent.Application.Tests.Notifications.Sms;

/// <summary>One log call as text: category, event, formatted message, every structured value, open scopes and the exception.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, EventId EventId, string Text);

/// <summary>Keeps every log entry at every level, scopes and structured values included, so a leak can't hide in a field.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> entries = new();

    public IReadOnlyList<CapturedLog> Entries => [.. entries];

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, entries);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<CapturedLog> entries) : ILogger
    {
        private readonly AsyncLocal<ImmutableScopes?> scopes = new();

        public IDisposable BeginScope<TState>(TState state)
            where TState : notnull
        {
            var parent = scopes.Value;
            scopes.Value = new ImmutableScopes(Render(state), parent);
            return new Restore(() => scopes.Value = parent);
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = string.Join(
                " | ",
                formatter(state, exception),
                Render(state),
                string.Join(" ; ", Scopes()),
                exception?.ToString() ?? string.Empty);
            entries.Enqueue(new CapturedLog(category, logLevel, eventId, text));
        }

        private static string Render<TState>(TState state) => state is IEnumerable<KeyValuePair<string, object?>> values
            ? string.Join(", ", values.Select(pair => $"{pair.Key}={pair.Value}"))
            : state?.ToString() ?? string.Empty;

        private IEnumerable<string> Scopes()
        {
            for (var scope = scopes.Value; scope is not null; scope = scope.Parent)
            {
                yield return scope.Text;
            }
        }

        private sealed record ImmutableScopes(string Text, ImmutableScopes? Parent);

        private sealed class Restore(Action restore) : IDisposable
        {
            public void Dispose() => restore();
        }
    }
}
