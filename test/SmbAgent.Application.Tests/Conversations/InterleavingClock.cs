namespace SmbAgent.Application.Tests.Conversations;

/// <summary>
/// The system clock, which runs an armed action the next time anyone outside an action asks for the time. Services
/// read the clock after loading a conversation and before saving it, so an action armed here lands exactly in that
/// gap: a race made deterministic.
/// </summary>
public sealed class InterleavingClock : TimeProvider
{
    private static readonly AsyncLocal<bool> InsideAction = new();
    private readonly Queue<Func<Task>> _armed = new();

    public void Arm(Func<Task> action)
    {
        lock (_armed)
        {
            _armed.Enqueue(action);
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        Func<Task>? action = null;
        if (!InsideAction.Value)
        {
            lock (_armed)
            {
                _armed.TryDequeue(out action);
            }
        }

        if (action is not null)
        {
            // On the thread pool, so the action's awaits never wait for the blocked caller's context.
            Task.Run(async () =>
            {
                InsideAction.Value = true;
                await action();
            }).GetAwaiter().GetResult();
        }

        return System.GetUtcNow();
    }
}
