using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace SmbAgent.HttpApi.Tests.Conversations;

/// <summary>
/// The database round trips of each chat turn, as Npgsql's own tracing sees them: one activity per command or
/// batch, the tenant session setting included. A first middleware marks a message request as a turn, so the job
/// server's polling and other requests are not counted.
/// </summary>
public sealed class TurnRoundTrips : IStartupFilter, IDisposable
{
    private static readonly AsyncLocal<ConcurrentQueue<string>?> CurrentTurn = new();
    private readonly ConcurrentQueue<IReadOnlyList<string>> _turns = new();
    private readonly ActivityListener _listener;

    public TurnRoundTrips()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => CurrentTurn.Value?.Enqueue(
                activity.GetTagItem("db.query.text") as string ?? activity.GetTagItem("db.statement") as string ?? activity.DisplayName),
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>The statements of each turn answered since the last <see cref="Clear"/>, in order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Turns => [.. _turns];

    public void Clear() => _turns.Clear();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (!HttpMethods.IsPost(context.Request.Method) || context.Request.Path.Value?.EndsWith("/current/messages", StringComparison.Ordinal) != true)
            {
                await nextMiddleware(context);
                return;
            }

            var statements = new ConcurrentQueue<string>();
            CurrentTurn.Value = statements;
            try
            {
                await nextMiddleware(context);
            }
            finally
            {
                CurrentTurn.Value = null;
                _turns.Enqueue([.. statements]);
            }
        });
        next(app);
    };

    public void Dispose() => _listener.Dispose();
}
